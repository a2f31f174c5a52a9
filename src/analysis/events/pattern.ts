/**
 * The small pattern language of the events data files (see README.md in this folder). A
 * pattern is a list of word slots separated by spaces; each slot is a case-insensitive regular
 * expression over one word in which `*` means "any further letters", and a `~` slot lets up to
 * three other words stand between its neighbours. Patterns compile to one anchored RegExp so
 * that a whole article is scanned once per pattern.
 */
const WORD_CHAR = "[\\p{L}\\p{N}'’-]";
const GAP = `(?:\\s+${WORD_CHAR}+[,]?){0,3}`;

export function compilePattern(pattern: string, flags = 'gu'): RegExp {
  const slots = pattern.trim().toLowerCase().split(/\s+/);
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
  return new RegExp(patterns.map((pattern) => compilePattern(pattern, 'u').source).join('|'), 'u');
}

export interface Match {
  start: number;
  end: number;
  text: string;
}

/** Matches of a global RegExp run on `text` (usually folded), with their words from `original`. */
export function findAll(regex: RegExp, text: string, original = text): Match[] {
  const found: Match[] = [];
  regex.lastIndex = 0;
  for (const match of text.matchAll(regex)) {
    if (match[0].length === 0) continue;
    const end = match.index + match[0].length;
    found.push({ start: match.index, end, text: original.slice(match.index, end) });
  }
  return found;
}

/**
 * Lowercases without changing any offset (a character whose lowercase is longer stays as it is).
 * Patterns are lowercase and run on folded text without the `i` flag: case-insensitive Unicode
 * RegExps cost V8 many times more to compile.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const char of text) {
    const low = char.toLowerCase();
    out += low.length === char.length ? low : char;
  }
  return out;
}

/** Number of words in `text` (for cue windows). */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}'’-]+/gu)?.length ?? 0;
}

/**
 * Lowercase strings one of which any match of the pattern must contain (from its first word),
 * or null when the first word has no literal part. Scanning a text with `includes` first lets
 * most of the hundreds of patterns skip a text without running (or even compiling) their RegExp.
 */
export function patternHints(pattern: string): string[] | null {
  const first = pattern.trim().split(/\s+/)[0] ?? '';
  const alternatives = /[([]/.test(first) ? [first] : first.split('|');
  const hints: string[] = [];
  for (const alternative of alternatives) {
    let literal = /^[^*?()[\]\\.+{}|]*/.exec(alternative)?.[0] ?? '';
    // "shots?" makes its last letter optional: only "shot" is certain.
    if (alternative[literal.length] === '?') literal = literal.slice(0, -1);
    if (literal.length === 0) return null;
    hints.push(literal.toLowerCase());
  }
  return hints;
}

/** True when the lowercased text may hold a match (see `patternHints`). */
export function mayMatch(hints: readonly string[] | null, lowerText: string): boolean {
  return hints === null || hints.some((hint) => lowerText.includes(hint));
}
