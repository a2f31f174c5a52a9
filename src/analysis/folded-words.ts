/**
 * The words of a text, lowercased and without diacritics: what article ids, content hashes,
 * SimHash shingles and term counts are built on. It runs several times on every article at
 * ingest, so text made of Latin letters and ordinary punctuation (nearly all news) takes a
 * character loop; anything else takes `exactFoldedWords`, whose result the loop reproduces.
 */
export function foldedWords(text: string, limit = Infinity): readonly string[] {
  if (limit !== Infinity || text.length < REMEMBERED_FROM) return fold(text, limit);
  if (text !== remembered.text) remembered = { text, words: fold(text, limit) };
  return remembered.words;
}

/**
 * Texts at least this long are remembered by `foldedWords`: an article's body, which the
 * content hash, the topics, the story features and SimHash all fold while it is prepared for
 * storing.
 */
const REMEMBERED_FROM = 1_000;
/** The last long text folded whole, and its words (shared: callers only read them). */
let remembered: { text: string; words: readonly string[] } = { text: '', words: [] };

function fold(text: string, limit: number): string[] {
  if (OTHER_SCRIPTS.test(text)) return exactFoldedWords(text).slice(0, limit);
  const words: string[] = [];
  let word = '';
  /** Where a run of ASCII letters and digits began: it joins the word as one lowercased slice. */
  let run = -1;
  for (let at = 0; at < text.length && words.length < limit; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x80 && ASCII[code] !== ' ') {
      if (run === -1) run = at;
      continue;
    }
    if (run !== -1) {
      word += text.slice(run, at).toLowerCase();
      run = -1;
    }
    let folded: string;
    if (code < 0x80) folded = ASCII[code]!;
    else if (code >= 0x2000) folded = ' ';
    else folded = LATIN.get(code) ?? foldLatin(code);
    if (folded.length === 1 && folded !== ' ') word += folded;
    else
      for (const char of folded)
        if (char !== ' ') word += char;
        else if (word) {
          words.push(word);
          word = '';
        }
  }
  if (run !== -1) word += text.slice(run).toLowerCase();
  if (word && words.length < limit) words.push(word);
  return words;
}

/** The definition: NFKD, combining marks dropped, lowercased, split on anything not a letter or digit. */
export function exactFoldedWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * Outside Latin (to U+024F) and General Punctuation (U+2000-U+206F, none of which folds to a
 * letter or digit). Greek is outside because its final sigma lowercases by context.
 */
const OTHER_SCRIPTS = /[\u0250-\u1fff\u2070-\uffff]/;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Each ASCII character folded: itself lowercased if a letter or digit, else a space. */
const ASCII = Array.from({ length: 0x80 }, (_, code) => {
  const char = String.fromCharCode(code).toLowerCase();
  return LETTER_OR_DIGIT.test(char) ? char : ' ';
});

const LATIN = new Map<number, string>();

/**
 * A Latin-1 or Latin Extended character folded on its own: its letters and digits, with a
 * space where it folds to something else ("½" is "1⁄2", two numbers).
 */
function foldLatin(code: number): string {
  const folded = String.fromCharCode(code)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, ' ');
  LATIN.set(code, folded || ' ');
  return folded || ' ';
}
