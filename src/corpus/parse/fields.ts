import { ParseError } from './parse-error.ts';
import { withoutReaderAppeal } from './reader-appeal.ts';
import { separateTurns } from './transcript.ts';

/** Longest article body accepted; anything longer is a dump, not an article. */
export const MAX_BODY_CHARS = 200_000;
const MAX_TITLE_CHARS = 500;

/**
 * Reads a timestamp the way newsrooms and feeds write them: `YYYY-MM-DD[ HH:MM[:SS]]` (taken as
 * UTC, as the seed corpus means it), ISO 8601 with a zone, or RFC 2822 (`Sat, 30 Sep 2023
 * 10:14:00 GMT`). Returns null for anything else, so a short body line is never taken for a date.
 */
export function parseTimestamp(text: string): string | null {
  const trimmed = text.trim();
  const local = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(:\d{2})?)?$/.exec(trimmed);
  let candidate: string;
  if (local) candidate = `${local[1]}T${local[2] ?? '00:00'}${local[3] ?? ':00'}Z`;
  else if (ISO_WITH_TIME.test(trimmed)) candidate = trimmed.replace(' ', 'T');
  else if (RFC_2822.test(trimmed)) candidate = trimmed;
  else return null;
  const date = new Date(candidate);
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 2200 ? date.toISOString() : null;
}

const ISO_WITH_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const RFC_2822 =
  /^(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(:\d{2})? ?(GMT|UT|UTC|Z|[A-Z]{3}|[+-]\d{4})?$/;

/**
 * Collapses runs of blanks inside lines and runs of empty lines, keeping paragraph breaks, and
 * drops a closing appeal to readers. A transcript's speaker labels each start a paragraph, even
 * where the source broke lines only.
 */
export function tidyBody(text: string): string {
  const tidy = separateTurns(text.replace(/\r\n?/g, '\n'))
    .split(/\n[^\S\n]*\n/)
    .map((paragraph) =>
      paragraph
        .replace(/[ \t\f\v\u00a0]+/g, ' ')
        .replace(/\s*\n\s*/g, ' ')
        .trim(),
    )
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
  return withoutReaderAppeal(tidy);
}

/**
 * The outlet of a page that does not name one: its site, from its address ("whitehouse.gov"
 * for https://www.whitehouse.gov/briefing-room/...), or "unknown" without a usable address.
 */
export function siteOf(url: string | null | undefined): string {
  if (!url) return 'unknown';
  try {
    const { hostname, protocol } = new URL(url.trim());
    if (protocol !== 'http:' && protocol !== 'https:') return 'unknown';
    return hostname.toLowerCase().replace(/^(?:www\d*|m|amp|mobile)\./, '') || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Tags without `#`, deduplicated case-insensitively, in first-seen order. */
export function cleanTags(tags: readonly unknown[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) {
    if (typeof tag !== 'string') continue;
    const clean = tag.replace(/^#+/, '').trim();
    if (clean && !seen.has(clean.toLowerCase())) seen.set(clean.toLowerCase(), clean);
  }
  return [...seen.values()];
}

/** The checks every parser applies before an article leaves it. */
export function checkArticleText(title: string, body: string): void {
  if (!title.trim()) throw new ParseError('no title');
  if (title.length > MAX_TITLE_CHARS)
    throw new ParseError(`title too long (${title.length} characters)`);
  if (!body.trim()) throw new ParseError('no body text');
  if (body.length > MAX_BODY_CHARS) {
    throw new ParseError(`body too long (${body.length} characters, limit ${MAX_BODY_CHARS})`);
  }
}
