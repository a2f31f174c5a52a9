import type { Span } from './analysis.ts';

/** Words that end with a period without ending a sentence (compared lowercased, without the dot). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen lt col maj capt cmdr adm sgt cpl pvt st jr sr rev hon pres ' +
    'amb u.s u.k u.n e.u vol fig approx dept est inc ltd co corp vs etc al jan feb mar apr ' +
    'jun jul aug sep sept oct nov dec mt ft a.m p.m i.e e.g'
  ).split(' '),
);

const CLOSERS = '"\'”’»)]';

/**
 * Splits text into sentences with their offsets. A period ends a sentence only when it is not
 * part of an abbreviation (U.S., Gen., Lt. Col.), an initial (John F. Kennedy) or a number, and
 * closing quotes after the stop stay with their sentence. Paragraph breaks always end one.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
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
    let end = i + 1;
    while (end < text.length && (text[end] === '.' || text[end] === '!' || text[end] === '?'))
      end++;
    while (end < text.length && CLOSERS.includes(text[end]!)) end++;
    const next = text.slice(end).match(/^\s+(\S)/);
    if (end < text.length && !next) continue;
    if (next && !/[\p{Lu}\p{N}"'“‘«([]/u.test(next[1]!)) continue;
    if (char === '.' && isNonTerminalPeriod(text, i)) continue;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return spans;
}

function isNonTerminalPeriod(text: string, dot: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  if (!before) return false;
  const word = before.toLowerCase().replace(/^\.+/, '');
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital letter is an initial; "A." at a sentence end is rare in news.
  if (/^\p{Lu}$/u.test(before)) return true;
  // Dotted acronyms such as U.S. or U.N.: letters separated by periods.
  return /^(\p{L}\.)+\p{L}$/u.test(before) && before.length <= 7;
}
