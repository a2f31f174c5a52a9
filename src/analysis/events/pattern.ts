/**
 * The small pattern language of the events data files (see README.md in this folder). A
 * pattern is a list of word slots separated by spaces; each slot is a case-insensitive regular
 * expression over one word in which `*` means "any further letters", and a `~` slot lets up to
 * three other words stand between its neighbours. Patterns compile to one anchored RegExp so
 * that a whole article is scanned once per pattern.
 */
const WORD_CHAR = "[\\p{L}\\p{N}'’-]";
/** A figure with separators ("100,000", "2.5") is one word of a gap. */
const GAP = `(?:\\s+${WORD_CHAR}+(?:[.,]\\d+)*[,]?){0,3}`;

/** A pattern's RegExp source between its word boundaries. */
function patternBody(pattern: string): string {
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
  return source;
}

/** Every pattern starts a word: no letter or digit before it. */
const WORD_START_TEST = '(?<![\\p{L}\\p{N}])';

function anchored(source: string, flags: string, what: string): RegExp {
  try {
    return new RegExp(`${WORD_START_TEST}${source}`, flags);
  } catch (error) {
    throw new Error(`bad events pattern ${what}: ${(error as Error).message}`);
  }
}

export function compilePattern(pattern: string, flags = 'gu'): RegExp {
  return anchored(`${patternBody(pattern)}(?![\\p{L}\\p{N}])`, flags, `"${pattern}"`);
}

/**
 * One RegExp matching any of the patterns, first listed first where several match at one
 * place. The word-start test is written once, before the alternatives: repeated in each, it
 * made V8 try every alternative's lookbehind at every character (40% of the analysis threads'
 * time went to the actor nouns alone).
 */
export function compileAny(patterns: readonly string[], flags = 'u'): RegExp {
  const bodies = patterns.map((pattern) => `${patternBody(pattern)}(?![\\p{L}\\p{N}])`);
  return anchored(`(?:${bodies.join('|')})`, flags, `list "${patterns.join('", "')}"`);
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
  // `exec` in a loop, as `matchAll` iterates but without its copy of the RegExp and iterator.
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    const length = match[0].length;
    if (length === 0) {
      regex.lastIndex = nextIndex(text, regex.lastIndex, regex.unicode);
      continue;
    }
    const end = match.index + length;
    found.push({ start: match.index, end, text: original.slice(match.index, end) });
  }
  return found;
}

/** Where a global RegExp goes on after an empty match (the spec's AdvanceStringIndex). */
function nextIndex(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const code = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return code >= 0xd800 && code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? at + 2 : at + 1;
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

/**
 * Number of words in `text` (for cue windows): runs of letters, digits, apostrophes and hyphens,
 * counted code point by code point (what `/[\p{L}\p{N}'’-]+/gu` matches, without its array).
 */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let at = 0; at < text.length;) {
    const code = text.codePointAt(at)!;
    const width = code > 0xffff ? 2 : 1;
    const isWord =
      code === 0x27 || code === 0x2019 || code === 0x2d || isWordCharacter(text, at, code, width);
    if (isWord && !inWord) count++;
    inWord = isWord;
    at += width;
  }
  return count;
}

/** The literal starts of one slot's alternatives ("shots?|gunfire" gives shot, gunfire), or null. */
function slotLiterals(slot: string): string[] | null {
  const alternatives = /[([]/.test(slot) ? [slot] : slot.split('|');
  const literals: string[] = [];
  for (const alternative of alternatives) {
    let literal = /^[^*?()[\]\\.+{}|]*/.exec(alternative)?.[0] ?? '';
    // "shots?" makes its last letter optional: only "shot" is certain.
    if (alternative[literal.length] === '?') literal = literal.slice(0, -1);
    if (literal.length === 0) return null;
    literals.push(literal.toLowerCase());
  }
  return literals;
}

/**
 * Lowercase strings one of which any match of the pattern must start with (from its first word),
 * or null when the first word has no literal part.
 */
export function patternHints(pattern: string): string[] | null {
  return slotLiterals(pattern.trim().split(/\s+/)[0] ?? '');
}

/**
 * Lowercase strings one of which any match of the pattern must contain: the literals of its
 * rarest-looking word (the one whose shortest literal is longest), or null when no word has
 * one. "a year|month|decade ago" gives "ago", so a text without it is skipped at once instead
 * of trying the pattern at every "a". Words with groups or classes are left out: their
 * alternatives are not plain. A word that is a letter class and a plain ending ("[a-z]+n['’]t",
 * "[a-z]+-(backed|supported)") gives its endings, found anywhere in a word (`atWordStart`
 * false): those patterns have no literal start, and were tried at every character.
 */
export function patternRequired(
  pattern: string,
): { literals: string[]; atWordStart: boolean } | null {
  const shortest = (literals: readonly string[]) =>
    Math.min(...literals.map((literal) => literal.length));
  let best: { literals: string[]; atWordStart: boolean } | null = null;
  for (const slot of pattern.trim().toLowerCase().split(/\s+/)) {
    if (slot === '~') continue;
    const ending = CLASS_THEN_ENDING.exec(slot)?.[1];
    const found = ending
      ? { literals: expandLiterals(ending), atWordStart: false }
      : { literals: /[()[\]\\.+{}]/.test(slot) ? null : slotLiterals(slot), atWordStart: true };
    if (!found.literals) continue;
    if (!best || shortest(found.literals) > shortest(best.literals))
      best = { literals: found.literals, atWordStart: found.atWordStart };
  }
  return best;
}

/** A letter class repeated, then a plain ending: "[a-z]+n['’]t". */
const CLASS_THEN_ENDING = /^\[[^\]\\-]*(?:[a-z]-[a-z])?[^\]\\-]*\][+*](.+)$/;
const PLAIN = /^[\p{L}\p{N}'’-]$/u;

/**
 * Every string a RegExp fragment of plain characters, classes of plain characters ("['’]")
 * and groups of plain alternatives ("(backed|supported)") matches; null for anything else, or
 * past 16 strings.
 */
function expandLiterals(fragment: string): string[] | null {
  let strings = [''];
  for (let at = 0; at < fragment.length;) {
    const char = fragment[at]!;
    let choices: string[];
    if (char === '(' || char === '[') {
      const close = fragment.indexOf(char === '(' ? ')' : ']', at);
      if (close === -1) return null;
      const inside = fragment.slice(at + 1, close);
      choices = char === '(' ? inside.split('|') : [...inside];
      if (char === '[' && inside.includes('-')) return null;
      if (choices.some((choice) => choice === '' || ![...choice].every((c) => PLAIN.test(c))))
        return null;
      at = close + 1;
    } else if (PLAIN.test(char)) {
      choices = [char];
      at++;
    } else return null;
    // A quantifier after the piece makes it optional or repeated: no fixed strings.
    if (at < fragment.length && /[?*+{]/.test(fragment[at]!)) return null;
    strings = strings.flatMap((string) => choices.map((choice) => string + choice));
    if (strings.length > 16) return null;
  }
  return strings;
}

/** A compiled events pattern with the literal starts that let a scan skip most of a text. */
export interface Scanner {
  regex: RegExp;
  /**
   * The same RegExp, sticky and without its word-start lookbehind: `scan` tries it only at word
   * starts. Each `\p{L}` class costs V8 most of a millisecond to compile, and hundreds of these
   * RegExps are compiled as the first articles reach them.
   */
  sticky: RegExp;
  hints: string[] | null;
  /** Each hint's key in a word-start index (null: found by search instead). */
  hintKeys: (number | null)[] | null;
  /** One of these occurs in every match: a text with none of them has no match. */
  required: string[] | null;
  /** Each one's key in a word-start index (null: it need not start a word, found by search). */
  requiredKeys: (number | null)[] | null;
}

function atWordStarts(regex: RegExp): RegExp {
  if (!regex.source.startsWith(WORD_START_TEST)) throw new Error(`unanchored ${regex.source}`);
  return new RegExp(regex.source.slice(WORD_START_TEST.length), 'uy');
}

export function compileScanner(pattern: string): Scanner {
  const regex = compilePattern(pattern);
  const hints = patternHints(pattern);
  const required = patternRequired(pattern);
  return {
    regex,
    sticky: atWordStarts(regex),
    hints,
    hintKeys: hints?.map(indexKey) ?? null,
    required: required?.literals ?? null,
    requiredKeys:
      required?.literals.map((literal) => (required.atWordStart ? indexKey(literal) : null)) ??
      null,
  };
}

/**
 * `compileAny` as a scanner: `scan` tries the alternatives only where one of their first words
 * starts, instead of the RegExp trying them at every character of a sentence. Hints that
 * another hint starts are dropped: their places are among its places.
 */
export function compileAnyScanner(patterns: readonly string[]): Scanner {
  const regex = compileAny(patterns, 'gu');
  const starts = patterns.map(patternHints);
  const all = starts.every((hints) => hints !== null) ? [...new Set(starts.flat())] : null;
  const hints =
    all?.filter((hint) => !all.some((other) => other !== hint && hint.startsWith(other))) ?? null;
  return {
    regex,
    sticky: atWordStarts(regex),
    hints,
    hintKeys: hints?.map(indexKey) ?? null,
    required: null,
    requiredKeys: null,
  };
}

const KEY = 3;
const WORD_CHARACTER = /^[\p{L}\p{N}]/u;

/** Whether the code point at `at` (`width` code units) is a letter or digit; ASCII decided inline. */
function isWordCharacter(text: string, at: number, code: number, width: number): boolean {
  if (code < 0x80)
    return (
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x30 && code <= 0x39)
    );
  return WORD_CHARACTER.test(text.slice(at, at + width));
}

/** Where the words of a folded text start, by `keyAt` of their first three characters. */
export type WordStarts = Map<number, number[]>;

/**
 * A small integer made of the three characters at `at` (past the end counts as none). Exact for
 * ASCII letters and digits; other characters may share a key, which costs nothing wrong because
 * every lookup checks the literal with `startsWith`. A number, not the three-character slice: a
 * slice is a new string whose hash is computed at every word of every sentence.
 */
function keyAt(text: string, at: number): number {
  return (
    ((text.charCodeAt(at) << 20) ^ (text.charCodeAt(at + 1) << 10) ^ text.charCodeAt(at + 2)) &
    0x3fffffff
  );
}

/**
 * Indexes a text's word starts once, so each of hundreds of patterns finds its hints by lookup.
 * A word starts at a letter or digit (code point) after none; read code point by code point
 * rather than with a RegExp lookbehind tried at every character.
 */
export function wordStarts(folded: string): WordStarts {
  const starts: WordStarts = new Map();
  let previousIsWord = false;
  for (let at = 0; at < folded.length;) {
    const code = folded.codePointAt(at)!;
    const width = code > 0xffff ? 2 : 1;
    const isWord = isWordCharacter(folded, at, code, width);
    if (isWord && !previousIsWord) {
      const key = keyAt(folded, at);
      const list = starts.get(key);
      if (list) list.push(at);
      else starts.set(key, [at]);
    }
    previousIsWord = isWord;
    at += width;
  }
  return starts;
}

const STARTS_WORD = /^[\p{L}\p{N}]/u;
/**
 * Whether the code point before `at` is a letter or digit: the lookbehind of every pattern,
 * tested where a hint is found without the word index. A lone surrogate is neither.
 */
function followsWordCharacter(text: string, at: number): boolean {
  if (at === 0) return false;
  const code = text.charCodeAt(at - 1);
  if (code >= 0xdc00 && code <= 0xdfff) {
    const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
    if (high < 0xd800 || high > 0xdbff) return false;
    return isWordCharacter(text, at - 2, text.codePointAt(at - 2)!, 2);
  }
  if (code >= 0xd800 && code <= 0xdbff) return false;
  return isWordCharacter(text, at - 1, code, 1);
}

/** A literal found through the word-start index: three or more characters, starting a word. */
const indexable = (literal: string) => literal.length >= KEY && STARTS_WORD.test(literal);

/**
 * The key under which a literal's places are indexed (null: not indexable). Scanners keep their
 * literals' keys: asked for hundreds of times per article, a kept key is a number ready to look
 * up instead of a fresh slice tested by a RegExp.
 */
export function indexKey(literal: string): number | null {
  return indexable(literal) ? keyAt(literal, 0) : null;
}

/** Where `hint` (whose index key is `key`) occurs at a word start of the folded text. */
function hintPositions(
  hint: string,
  key: number | null,
  folded: string,
  words: WordStarts | undefined,
): number[] {
  const found: number[] = [];
  // Every match is preceded by a non-word character, so a hint that starts with a letter or
  // digit can only occur at a word start.
  if (words && key !== null) {
    const positions = words.get(key);
    if (positions) for (const at of positions) if (folded.startsWith(hint, at)) found.push(at);
    return found;
  }
  for (let at = folded.indexOf(hint); at !== -1; at = folded.indexOf(hint, at + 1))
    if (!followsWordCharacter(folded, at)) found.push(at);
  return found;
}

/** Every listed scanner's required literals by their first three characters, with its number. */
const scannersByKey = new Map<number, { id: number; literal: string }[]>();
/** The listed scanners with a literal too short or not starting a word: never skipped. */
const alwaysTried: number[] = [];
let listed = 0;
/**
 * For the last few word-start indexes, which listed scanners their texts can match (one pass
 * serves every list). A few slots, not a WeakMap: the sentence being read asks again and again,
 * and a WeakMap entry per sentence's index made every young-generation collection trace
 * ephemerons.
 */
const POSSIBLE_SLOTS = 4;
const possibleWords: (WordStarts | null)[] = Array<WordStarts | null>(POSSIBLE_SLOTS).fill(null);
const possibleSets: Uint8Array[] = Array.from({ length: POSSIBLE_SLOTS }, () => new Uint8Array(0));
let nextSlot = 0;

function possibleScanners(folded: string, words: WordStarts): Uint8Array {
  for (let slot = 0; slot < POSSIBLE_SLOTS; slot++)
    if (possibleWords[slot] === words && possibleSets[slot]!.length === listed)
      return possibleSets[slot]!;
  // The slot's old set is reused: a fresh one per sentence was a steady stream of allocations.
  const reused = possibleSets[nextSlot]!;
  const possible = reused.length === listed ? reused.fill(0) : new Uint8Array(listed);
  for (const id of alwaysTried) possible[id] = 1;
  words.forEach((positions, key) => {
    const entries = scannersByKey.get(key);
    if (!entries) return;
    for (const { id, literal } of entries) {
      if (possible[id]) continue;
      for (const at of positions)
        if (folded.startsWith(literal, at)) {
          possible[id] = 1;
          break;
        }
    }
  });
  possibleWords[nextSlot] = words;
  possibleSets[nextSlot] = possible;
  nextSlot = (nextSlot + 1) % POSSIBLE_SLOTS;
  return possible;
}

/**
 * The scanners of a list (in list order) whose required literal occurs in a folded text, found
 * from the text's word starts (`words`, which must index `folded`) instead of by asking each
 * scanner: a sentence has a few dozen word starts, the lists hold hundreds of scanners, and the
 * lookups are made once per text for all lists together. Scanners whose literals are not
 * indexable are always returned; `scan` tests them as before. Without `words` every scanner is
 * returned.
 */
export function scannerSet<T extends Scanner>(
  scanners: readonly T[],
): (folded: string, words?: WordStarts) => readonly T[] {
  const first = listed;
  listed += scanners.length;
  scanners.forEach((scanner, index) => {
    const id = first + index;
    const keys = scanner.requiredKeys;
    if (!scanner.required || !keys || keys.some((key) => key === null)) {
      alwaysTried.push(id);
      return;
    }
    for (const [at, literal] of scanner.required.entries()) {
      const key = keys[at]!;
      const entries = scannersByKey.get(key);
      if (entries) entries.push({ id, literal });
      else scannersByKey.set(key, [{ id, literal }]);
    }
  });
  return (folded, words) => {
    if (!words) return scanners;
    const possible = possibleScanners(folded, words);
    const found: T[] = [];
    for (let index = 0; index < scanners.length; index++)
      if (possible[first + index]) found.push(scanners[index]!);
    return found;
  };
}

/**
 * Whether a literal occurs at a word start of the folded text (where every word of a match
 * starts), `key` being its `indexKey` and `words` the text's word starts.
 */
export function occurs(
  literal: string,
  key: number | null,
  folded: string,
  words: WordStarts | undefined,
): boolean {
  if (!words || key === null) return folded.includes(literal);
  const positions = words.get(key);
  if (positions) for (const at of positions) if (folded.startsWith(literal, at)) return true;
  return false;
}

/**
 * Whether `scanner.regex` matches anywhere in the folded text (`RegExp.test`), tried only where
 * its hints occur when the text's word starts are given.
 */
export function matchesAnywhere(scanner: Scanner, folded: string, words?: WordStarts): boolean {
  if (scanner.hints === null || !words) {
    scanner.regex.lastIndex = 0;
    return scanner.regex.test(folded);
  }
  for (let hint = 0; hint < scanner.hints.length; hint++)
    for (const at of hintPositions(
      scanner.hints[hint]!,
      scanner.hintKeys![hint] ?? null,
      folded,
      words,
    )) {
      scanner.sticky.lastIndex = at;
      if (scanner.sticky.test(folded)) return true;
    }
  return false;
}

/**
 * The matches `findAll` would give, found by locating the pattern's hints (through `words`, the
 * text's word starts, when given) and running the sticky RegExp only there. Every match starts
 * with a hint, so trying the hint positions in order and skipping those inside the previous
 * match is exactly `matchAll`'s left-to-right scan; with hundreds of patterns per article this
 * saves most of the events stage.
 */
export function scan(
  scanner: Scanner,
  folded: string,
  original = folded,
  words?: WordStarts,
): Match[] {
  if (
    scanner.required &&
    !scanner.required.some((literal, at) =>
      occurs(literal, scanner.requiredKeys![at] ?? null, folded, words),
    )
  )
    return [];
  if (scanner.hints === null) return findAll(scanner.regex, folded, original);
  const keys = scanner.hintKeys!;
  const starts = hintPositions(scanner.hints[0]!, keys[0] ?? null, folded, words);
  for (let hint = 1; hint < scanner.hints.length; hint++)
    for (const at of hintPositions(scanner.hints[hint]!, keys[hint] ?? null, folded, words))
      starts.push(at);
  if (starts.length === 0) return [];
  if (scanner.hints.length > 1) starts.sort((a, b) => a - b);
  const found: Match[] = [];
  let next = 0;
  for (const at of starts) {
    if (at < next) continue;
    scanner.sticky.lastIndex = at;
    const match = scanner.sticky.exec(folded);
    if (!match || match[0].length === 0) continue;
    next = at + match[0].length;
    found.push({ start: at, end: next, text: original.slice(at, next) });
  }
  return found;
}
