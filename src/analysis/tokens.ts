/** A word, number or mark of the analysed text, with its offsets. */
export interface Token {
  text: string;
  /** Lowercased, diacritics folded, curly apostrophes straightened. */
  lower: string;
  start: number;
  end: number;
  kind: 'word' | 'number' | 'possessive' | 'quote' | 'punct';
  /** Starts with an upper-case letter. */
  cap: boolean;
}

/**
 * Dotted acronyms (U.S., U.N.) and honorifics keep their period; words keep inner apostrophes
 * and hyphens (O'Brien, Nagorno-Karabakh); a possessive 's is its own token so that "Serbia's"
 * still names Serbia.
 */
const TOKEN =
  /(?:\p{L}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*|\p{N}+(?:[.,:/]\p{N}+)*%?|''|[«»“”„"‘’']|\S/gu;

const QUOTE_CHARS = new Set(['"', "''", '“', '”', '„', '«', '»']);

/** Folds a word for lexicon lookups: lowercase, no diacritics, straight apostrophes. */
export function fold(text: string): string {
  // Most words are plain ASCII; only the rest pay for Unicode normalisation.
  if (isPlain(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");
}

/** Only letters, digits, `_`, space, `.`, `,` and `-` of ASCII (what `[\w .,-]` allows). */
function isPlain(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    const plain =
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x30 && code <= 0x39) ||
      code === 0x5f ||
      code === 0x20 ||
      code === 0x2e ||
      code === 0x2c ||
      code === 0x2d;
    if (!plain) return false;
  }
  return true;
}

export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let at = offset;
  while (at < end) {
    const code = text.charCodeAt(at);
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) {
      at++;
      continue;
    }
    let start = at;
    let stop = code < 0x80 ? asciiTokenEnd(text, at) : -1;
    if (stop === -1) {
      TOKEN.lastIndex = at;
      const match = TOKEN.exec(text);
      if (match === null) break;
      start = match.index;
      stop = start + match[0].length;
    }
    if (start >= end) break;
    at = stop;
    const raw = text.slice(start, stop);
    const first = raw.charCodeAt(0);
    if (isLetter(raw, first)) {
      // A possessive: a word of two or more characters then 's ("Serbia's"), not "s's".
      if (raw.length > 3 && raw.endsWith('s') && isApostrophe(raw.charCodeAt(raw.length - 2))) {
        const word = raw.slice(0, -2);
        if (!(word.endsWith('s') && isApostrophe(word.charCodeAt(word.length - 2)))) {
          tokens.push(wordToken(word, start));
          tokens.push({
            text: raw.slice(-2),
            lower: "'s",
            start: start + word.length,
            end: start + raw.length,
            kind: 'possessive',
            cap: false,
          });
          continue;
        }
      }
      tokens.push(wordToken(raw, start));
    } else if (isDigit(raw, first)) {
      tokens.push({
        text: raw,
        lower: raw,
        start,
        end: start + raw.length,
        kind: 'number',
        cap: false,
      });
    } else {
      tokens.push({
        text: raw,
        lower: raw,
        start,
        end: start + raw.length,
        kind: QUOTE_CHARS.has(raw) ? 'quote' : 'punct',
        cap: false,
      });
    }
  }
  return tokens;
}

const isAsciiLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
const isAsciiDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isAsciiAlnum = (code: number) => isAsciiLetter(code) || isAsciiDigit(code);

/**
 * Where the token TOKEN matches at `at` ends, read inline while it is plain ASCII; -1 when a
 * character beyond ASCII could change it (a letter, mark or digit, a curly apostrophe), and
 * the RegExp decides. Its alternatives in order: a dotted acronym, a word with inner
 * apostrophes and hyphens, a number, `''`, a quote mark, any other character.
 */
function asciiTokenEnd(text: string, at: number): number {
  const code = text.charCodeAt(at);
  const length = text.length;
  if (isAsciiLetter(code)) {
    let pairs = 0;
    let k = at;
    while (k + 1 < length && text.charCodeAt(k + 1) === 0x2e) {
      const letter = text.charCodeAt(k);
      if (letter >= 0x80) return -1;
      if (!isAsciiLetter(letter)) break;
      pairs++;
      k += 2;
    }
    if (pairs >= 2) return k;
    k = at + 1;
    for (;;) {
      while (k < length && isAsciiAlnum(text.charCodeAt(k))) k++;
      if (k >= length) return k;
      const next = text.charCodeAt(k);
      if (next >= 0x80) return -1;
      if ((next === 0x27 || next === 0x2d) && k + 1 < length) {
        const after = text.charCodeAt(k + 1);
        if (after >= 0x80) return -1;
        if (isAsciiAlnum(after)) {
          k += 2;
          continue;
        }
      }
      return k;
    }
  }
  if (isAsciiDigit(code)) {
    let k = at + 1;
    for (;;) {
      while (k < length && isAsciiDigit(text.charCodeAt(k))) k++;
      if (k >= length) return k;
      const next = text.charCodeAt(k);
      if (next >= 0x80) return -1;
      if ((next === 0x2e || next === 0x2c || next === 0x3a || next === 0x2f) && k + 1 < length) {
        const after = text.charCodeAt(k + 1);
        if (after >= 0x80) return -1;
        if (isAsciiDigit(after)) {
          k += 2;
          continue;
        }
      }
      return next === 0x25 ? k + 1 : k;
    }
  }
  if (code === 0x27 && text.charCodeAt(at + 1) === 0x27) return at + 2;
  return at + 1;
}

const isApostrophe = (code: number) => code === 0x27 || code === 0x2019;

/** `/\p{L}/u` on the first code unit of `raw` (`code`), ASCII decided inline. */
export function isLetter(raw: string, code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return /\p{L}/u.test(raw[0]!);
}

/** `/\p{N}/u` on the first code unit of `raw` (`code`), ASCII decided inline. */
function isDigit(raw: string, code: number): boolean {
  if (code < 0x80) return code >= 0x30 && code <= 0x39;
  return /\p{N}/u.test(raw[0]!);
}

function wordToken(text: string, start: number): Token {
  const first = text.charCodeAt(0);
  return {
    text,
    lower: fold(text),
    start,
    end: start + text.length,
    kind: 'word',
    cap: first < 0x80 ? first >= 0x41 && first <= 0x5a : /^\p{Lu}/u.test(text),
  };
}
