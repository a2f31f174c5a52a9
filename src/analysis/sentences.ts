import type { Span } from './analysis.ts';
import { pairQuoteMarks } from './quote-marks.ts';

/** Words that end with a period without ending a sentence (compared lowercased, without the dot). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen lt col maj capt cmdr adm sgt cpl pvt st jr sr rev hon pres ' +
    'amb u.s u.k u.n e.u vol fig approx dept est inc ltd co corp vs etc al jan feb mar apr ' +
    'jun jul aug sep sept oct nov dec mt ft a.m p.m i.e e.g'
  ).split(' '),
);

const CLOSERS = '"\'”’»)]';

/** Abbreviations that also end sentences: after them a typical sentence opener starts one. */
const ALSO_TERMINAL = new Set([
  'a.m',
  'p.m',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'inc',
  'ltd',
  'co',
  'corp',
  'etc',
  'jr',
  'sr',
]);
const OPENERS = new Set(
  'he she it they we i you the a an this that these those but and yet so however meanwhile then there his her their its our on in at by after before while when'.split(
    ' ',
  ),
);
/** Three lower-case letters before a stop, and a capitalised word right after it. */
const GLUED_BEFORE = /\p{Ll}{3}$/u;
const GLUED_AFTER = /^\p{Lu}\p{Ll}/u;
/** Letters separated by periods, as in U.S. or D.C. (without the last period). */
const DOTTED = /^(\p{L}\.)+\p{L}$/u;
/** Two spaces or more, plain or no-break, before a capitalised word. */
const WIDE_GAP = /^[ \u00a0]{2,}\p{Lu}/u;
/** A web or file address, whose stops end no sentence. */
const ADDRESS = /[/\\=@]|^\(?www|\.(?:com|org|gov|net|edu|int|io)\b/i;
/** A bracketed note that ends its paragraph, as a quote's "[Tweet, 1/26/2024]". */
const CLOSING_NOTE = /^\s+\[[^\]\n]{1,80}\][ \t]*(?:\n\n|$)/;
/** A quote longer than this is split like other text even when it is attributed after it. */
const MAX_KEPT_QUOTE = 600;

/**
 * Quotes kept whole inside one sentence: within a paragraph, short enough, and attributed
 * right after they close (`“We will not leave. We will stay,” he said.`).
 */
function keptQuotes(
  text: string,
  quotes: readonly { start: number; end: number }[],
): { start: number; end: number }[] {
  return quotes.filter((quote) => {
    if (quote.end - quote.start > MAX_KEPT_QUOTE) return false;
    if (text.slice(quote.start, quote.end).includes('\n')) return false;
    const inside = text.slice(quote.start, quote.end);
    const after = text.slice(quote.end, quote.end + 3);
    return /,\W*$/.test(inside) || /^\s*\p{Ll}/u.test(after);
  });
}

/**
 * Splits text into sentences with their offsets. A period ends a sentence only when it is not
 * part of an abbreviation (U.S., Gen., Lt. Col.), an initial (John F. Kennedy) or a number, and
 * closing quotes after the stop stay with their sentence. Paragraph breaks always end one.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const quotes = pairQuoteMarks(text);
  const kept = keptQuotes(text, quotes);
  // Closing marks set off by a space (`security. "At the ...`) stay with their sentence.
  const closers = new Set(quotes.map((quote) => quote.end - 1));
  let quote = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed)
      spans.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n' && text[i + 1] === '\n') {
      push(i);
      continue;
    }
    if (char !== '.' && char !== '!' && char !== '?') continue;
    while (quote < kept.length && kept[quote]!.end <= i) quote++;
    if (quote < kept.length && kept[quote]!.start < i && i < kept[quote]!.end - 2) continue;
    let end = i + 1;
    while (end < text.length && (text[end] === '.' || text[end] === '!' || text[end] === '?'))
      end++;
    while (end < text.length && CLOSERS.includes(text[end]!)) end++;
    const detached = text[end] === ' ' && closers.has(end + 1);
    if (detached) end += 2;
    // A stop glued to the next sentence, as a page that ran its subtitle into the text gives it
    // ("end the war?Prime Minister Benjamin Netanyahu has ..."): a word, the stop, a word.
    if (
      GLUED_BEFORE.test(text.slice(Math.max(0, i - 3), i)) &&
      GLUED_AFTER.test(text.slice(end, end + 2)) &&
      !inAddress(text, i)
    ) {
      push(end);
      i = end - 1;
      continue;
    }
    const next = text.slice(end).match(detached ? /^\s*(\S)/ : /^\s+(\S)/);
    if (end < text.length && !next) continue;
    if (next && !/[\p{Lu}\p{N}"'“‘«([]/u.test(next[1]!)) continue;
    // The note says where the sentence before it comes from: it stays with that sentence.
    if (next?.[1] === '[' && CLOSING_NOTE.test(text.slice(end, end + 100))) continue;
    if (char === '.' && isNonTerminalPeriod(text, i, text.slice(end, end + 20))) continue;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return spans;
}

/** Whether the stop at `at` is part of a web or file address ("DisasterAssistance.gov", "page.aspx?ParamID=4"). */
function inAddress(text: string, at: number): boolean {
  const start = text.lastIndexOf(' ', at) + 1;
  const space = text.slice(at).search(/\s/);
  const token = text.slice(start, space === -1 ? text.length : at + space);
  return ADDRESS.test(token);
}

function isNonTerminalPeriod(text: string, dot: number, following: string): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  if (!before) return false;
  const word = before.toLowerCase().replace(/^\.+/, '');
  const nextWord = /\p{L}+/u.exec(following)?.[0] ?? '';
  if (ALSO_TERMINAL.has(word) && OPENERS.has(nextWord.toLowerCase()) && /^\p{Lu}/u.test(nextWord))
    return false;
  // Two spaces after a dotted acronym end a sentence, as typed transcripts space them:
  // "held in Washington, D.C.  Secretary of State Antony Blinken ...".
  if (WIDE_GAP.test(following) && (ALSO_TERMINAL.has(word) || DOTTED.test(before))) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital letter is an initial; "A." at a sentence end is rare in news.
  if (/^\p{Lu}$/u.test(before)) return true;
  // Dotted acronyms such as U.S. or U.N.: letters separated by periods.
  return DOTTED.test(before) && before.length <= 7;
}
