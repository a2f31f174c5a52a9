/**
 * The small pattern language of the events data files (see README.md in this folder). A
 * pattern is a list of word slots separated by spaces; each slot is a case-insensitive regular
 * expression over one word in which `*` means "any further letters", and a `~` slot lets up to
 * three other words stand between its neighbours. Patterns compile to one anchored RegExp so
 * that a whole article is scanned once per pattern.
 */
const WORD_CHAR = "[\\p{L}\\p{N}'’-]";
const GAP = `(?:\\s+${WORD_CHAR}+[,]?){0,3}`;

export function compilePattern(pattern: string, flags = 'giu'): RegExp {
  const slots = pattern.trim().split(/\s+/);
  if (slots.length === 0 || slots[0] === '~' || slots.at(-1) === '~')
    throw new Error(`bad events pattern "${pattern}": a gap (~) needs words on both sides`);
  let source = '';
  for (const [index, slot] of slots.entries()) {
    if (slot === '~') {
      source += GAP;
      continue;
    }
    if (index > 0) source += '\\s+';
    source += `(?:${slot.replaceAll('*', `${WORD_CHAR}*`)})`;
  }
  try {
    return new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, flags);
  } catch (error) {
    throw new Error(`bad events pattern "${pattern}": ${(error as Error).message}`);
  }
}

/** One RegExp matching any of the patterns (for context tests, where which one does not matter). */
export function compileAny(patterns: readonly string[]): RegExp {
  return new RegExp(
    patterns.map((pattern) => compilePattern(pattern, 'iu').source).join('|'),
    'iu',
  );
}

export interface Match {
  start: number;
  end: number;
  text: string;
}

export function findAll(regex: RegExp, text: string): Match[] {
  const found: Match[] = [];
  regex.lastIndex = 0;
  for (const match of text.matchAll(regex)) {
    if (match[0].length === 0) continue;
    found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return found;
}

/** Number of words in `text` (for cue windows). */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}'’-]+/gu)?.length ?? 0;
}
