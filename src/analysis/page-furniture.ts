/**
 * Lines of an article that are page furniture, not its prose: headings and subheadings,
 * picture captions, bylines and pull quotes. Parsers flatten Markdown and HTML to text, so a
 * subheading `## "We advised against it"` arrives as a line of its own; the quote rules must
 * not read it as something a person said.
 */

/** A heading is short: longer unpunctuated lines are prose with a lost full stop. */
const MAX_HEADING_WORDS = 15;
const CAPTION =
  /^(?:image|photo|picture|video|graphic|media)(?: caption| source| credit)?\s*[,:]|^(?:caption|pictured|credit|watch)\s*:|^\(?(?:photos?|images?)\s*:/i;
const BYLINE =
  /^(?:(?:additional )?reporting|editing|written|writing|compiled|produced|story) by\b|^by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*(?:[,|–—-]|$)/iu;
const OPENING_MARKS = '"“„«\'‘';
/** Pull quotes looked for per article: each costs a search of the text. */
const MAX_PULL_QUOTE_CANDIDATES = 50;

export interface Range {
  start: number;
  end: number;
}

/** The furniture lines of `text`, in order, as offset ranges. */
export function pageFurniture(text: string): Range[] {
  const lines: Range[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (text.slice(start, end).trim()) lines.push({ start, end });
    if (newline === -1) break;
    start = newline + 1;
  }
  const prose = lines.some((line) => endsSentence(text.slice(line.start, line.end)));
  const found: Range[] = [];
  let candidates = 0;
  const pullQuote = (line: Range, content: string) =>
    OPENING_MARKS.includes(content[0]!) &&
    candidates++ < MAX_PULL_QUOTE_CANDIDATES &&
    isPullQuote(text, line, content);
  lines.forEach((line, index) => {
    const content = text.slice(line.start, line.end).trim();
    const next = lines[index + 1];
    const nextOpens =
      next === undefined || /^\s*[\p{Lu}\p{N}"“„«'‘]/u.test(text.slice(next.start, next.end));
    if (
      CAPTION.test(content) ||
      (BYLINE.test(content) && content.split(/\s+/).length <= 12) ||
      (prose && nextOpens && isHeading(content)) ||
      pullQuote(line, content)
    )
      found.push(line);
  });
  return found;
}

/** True when `offset` falls on a furniture line (ranges sorted, as `pageFurniture` returns). */
export function inFurniture(ranges: readonly Range[], offset: number): boolean {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low < ranges.length && ranges[low]!.start <= offset;
}

const CLOSING = /[\s"”’'»)]/;
const END_PUNCTUATION = /[.!?:;,…]/;

/**
 * Whether the line's last mark, before closing quotes and brackets, ends a sentence or clause.
 * Read from the end, not with one RegExp anchored at `$`: that one was tried at every
 * punctuation mark of a paragraph (4% of the analysis pass).
 */
function endsSentence(line: string): boolean {
  let end = line.length;
  while (end > 0 && CLOSING.test(line[end - 1]!)) end--;
  return end > 0 && END_PUNCTUATION.test(line[end - 1]!);
}

function isHeading(line: string): boolean {
  if (endsSentence(line)) return false;
  if (!/^[\p{L}\p{N}"“„«'‘#]/u.test(line)) return false;
  return line.split(/\s+/).length <= MAX_HEADING_WORDS;
}

/** A line that is only a quote repeated from elsewhere in the article. */
function isPullQuote(text: string, line: Range, content: string): boolean {
  if (!/["”»'’]$/.test(content)) return false;
  const inner = content
    .slice(1)
    .replace(/["”“»'’.,!?\s]+$/u, '')
    .trim();
  if (inner.length < 20 || /["“”«»]/.test(inner)) return false;
  const probe = inner.slice(0, 60);
  for (let at = text.indexOf(probe); at !== -1; at = text.indexOf(probe, at + 1)) {
    if (at >= line.start && at < line.end) continue;
    // The quote as the body gives it sits in a longer line (`"...," she said.`).
    const from = text.lastIndexOf('\n', at) + 1;
    const to = text.indexOf('\n', at);
    if ((to === -1 ? text.length : to) - from > line.end - line.start) return true;
  }
  return false;
}
