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
  TOKEN.lastIndex = offset;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(text)) !== null && match.index < end) {
    const raw = match[0];
    const start = match.index;
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
