/** A span of text between paired quote marks, marks included. */
export interface QuoteSpan {
  start: number;
  end: number;
}

const CLOSING: Record<string, string> = { '“': '”', '„': '“', '«': '»', '"': '"', '‹': '›' };
/** A direct quote longer than this is a pairing error (an unbalanced mark), not a quote. */
const MAX_QUOTE_CHARS = 3000;
const MAX_PARAGRAPHS = 6;

/**
 * Pairs quote marks: curly “ ”, German „ “, guillemets « » and straight ". A quote may run over
 * several paragraphs when each new paragraph reopens it (the news convention of leaving the
 * closing mark off until the quote ends). An opening mark with no partner is dropped rather
 * than swallowing the rest of the article.
 */
export function pairQuoteMarks(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text[i]!;
    const close = CLOSING[open];
    if (close === undefined || (open === '"' && !opensQuote(text, i))) {
      i++;
      continue;
    }
    const end = findClose(text, i, open, close);
    if (end === -1) {
      i++;
      continue;
    }
    spans.push({ start: i, end: end + 1 });
    i = end + 1;
  }
  return spans;
}

function opensQuote(text: string, index: number): boolean {
  const before = text[index - 1];
  const after = text[index + 1];
  if (after === undefined || /\s/.test(after)) return false;
  return before === undefined || /[\s([{—–-]/.test(before);
}

function findClose(text: string, openAt: number, open: string, close: string): number {
  let paragraphs = 0;
  for (let j = openAt + 1; j < text.length && j - openAt < MAX_QUOTE_CHARS; j++) {
    const char = text[j]!;
    if (
      char === close &&
      (open !== '"' || !opensQuote(text, j) || /[\s.,;:!?]/.test(text[j + 1] ?? ' '))
    )
      return j;
    if (char === open && open !== close) return -1;
    if (char === '\n') {
      let k = j;
      while (k < text.length && /\s/.test(text[k]!)) k++;
      paragraphs++;
      // A new paragraph continues the quote only when it reopens it.
      if (text[k] !== open || paragraphs >= MAX_PARAGRAPHS) return -1;
      j = k;
    }
  }
  return -1;
}
