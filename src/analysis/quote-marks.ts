/** A span of text between paired quote marks, marks included. */
export interface QuoteSpan {
  start: number;
  end: number;
}

/** Opening mark → closing mark. `''` is the typewriter double quote some archives use. */
const CLOSING: [string, string][] = [
  ["''", "''"],
  ['“', '”'],
  ['„', '“'],
  ['«', '»'],
  ['"', '"'],
];
/** The first characters of the opening marks, to jump from one candidate mark to the next. */
const OPENER = new RegExp(`[${[...new Set(CLOSING.map(([open]) => open[0]!))].join('')}]`, 'g');
/** A direct quote longer than this is a pairing error (an unbalanced mark), not a quote. */
const MAX_QUOTE_CHARS = 3000;
const MAX_PARAGRAPHS = 6;

/**
 * Pairs quote marks: curly “ ”, German „ “, guillemets « », straight " and ''. A quote may run
 * over several paragraphs when each new paragraph reopens it (the news convention of leaving
 * the closing mark off until the quote ends). An opening mark with no partner is dropped rather
 * than swallowing the rest of the article.
 */
export function pairQuoteMarks(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    OPENER.lastIndex = i;
    const opener = OPENER.exec(text);
    if (!opener) break;
    i = opener.index;
    const pair = CLOSING.find(([open]) => text.startsWith(open, i));
    if (!pair || (isSymmetric(pair) && !opensQuote(text, i, pair[0].length))) {
      i++;
      continue;
    }
    const end = findClose(text, i, pair[0], pair[1]);
    if (end === -1) {
      i += pair[0].length;
      continue;
    }
    // The closing mark found may be the other style's, one character long.
    const closeLength = text.startsWith(pair[1], end) ? pair[1].length : 1;
    spans.push({ start: i, end: end + closeLength });
    i = end + closeLength;
  }
  return spans;
}

const isSymmetric = ([open, close]: [string, string]) => open === close;

function opensQuote(text: string, index: number, length: number): boolean {
  const before = text[index - 1];
  const after = text[index + length];
  if (after === undefined || /\s/.test(after)) return false;
  // `do?""This truth`: a quote that opens right where the last one closed.
  return before === undefined || /[\s([{—–"-]/.test(before);
}

const DOUBLE_MARK = /["“”]/g;

/**
 * A straight mark inside a curly quote that closes it though it looks like an opening: it
 * follows a full stop and a space (`this incident. "In a near-simultaneous briefing, ...`), and
 * the next double mark is not the curly close (`European soil. "And of course I'm concerned
 * ... states. ”` is one quote over two paragraphs whose break the page lost).
 */
function displacedClose(text: string, index: number): boolean {
  if (!/\s/.test(text[index - 1] ?? '') || !/[.!?]/.test(text[index - 2] ?? '')) return false;
  DOUBLE_MARK.lastIndex = index + 1;
  return DOUBLE_MARK.exec(text)?.[0] !== '”';
}

function closesQuote(text: string, index: number, length: number): boolean {
  const before = text[index - 1];
  const after = text[index + length] ?? ' ';
  if (before === undefined) return false;
  // `genuine security. "At the same ...`: a closing mark that lost its place to a space (straight
  // marks do not nest, so one after a full stop inside an open quote closes it).
  if (/\s/.test(before)) return /[.,!?]/.test(text[index - 2] ?? '');
  return /[\s.,;:!?)\]—–"-]/.test(after);
}

/**
 * The other style's closing mark that also ends a quote: pages that mix straight and curly marks
 * open with one and close with the other (`"Of course I will be pressing them. ”The foreign
 * secretary ... “after months of asking", echoing`). Paired only by kind, the straight marks
 * there made one quote of both and the narration between them.
 */
const MIXED_CLOSE: Record<string, string> = { '"': '”', '“': '"' };

function findClose(text: string, openAt: number, open: string, close: string): number {
  let paragraphs = 0;
  const symmetric = open === close;
  const mixed = MIXED_CLOSE[open];
  /** Inside a quote in the other style, whose closing mark is not this quote's. */
  let inner = false;
  for (let j = openAt + open.length; j < text.length && j - openAt < MAX_QUOTE_CHARS; j++) {
    const char = text[j]!;
    if (text.startsWith(close, j) && (!symmetric || closesQuote(text, j, close.length))) return j;
    if (char === mixed) {
      // A quote inside the quote in the other style (`“He said "no" to me”`) is not its end.
      const opens = mixed === '”' ? false : opensQuote(text, j, 1) && !displacedClose(text, j);
      if (inner) inner = false;
      else if (opens) inner = true;
      else if (mixed === '”' || closesQuote(text, j, 1)) return j;
      continue;
    }
    if (mixed === '”' && char === '“') inner = true;
    // Quotes of one kind do not nest: a second opening mark means this one was never closed.
    if (text.startsWith(open, j) && (!symmetric || opensQuote(text, j, open.length))) return -1;
    if (char === '\n') {
      let k = j;
      while (k < text.length && /\s/.test(text[k]!)) k++;
      paragraphs++;
      // A new paragraph continues the quote only when it reopens it.
      if (!text.startsWith(open, k) || paragraphs >= MAX_PARAGRAPHS) return -1;
      j = k + open.length - 1;
    }
  }
  return -1;
}
