import { fold } from './pattern.ts';

/**
 * Dates written in a sentence ("on 7 October", "the 24 September attack", "in May", "in 2014",
 * "on Sunday"),
 * each said to be stale or fresh against the article's publication time: an event dated days
 * before the article is a recap, one dated on its day or the day before is news.
 */

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
/** "Oct." and "Sept." */
const DOT = '\\.?';
const WEEKDAY = '(sunday|monday|tuesday|wednesday|thursday|friday|saturday)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const YEAR = '((?:19|20)\\d\\d)';
/**
 * Day and month, either order, with an optional year; or a month after "in"/"since"; or a year.
 * Matched on folded (lowercase) text: without the `i` flag and with the word-start test written
 * once before the alternatives, V8 no longer tries six lookbehinds at every character.
 */
const DATE = new RegExp(
  `(?<![\\p{L}])(?:${[
    `(?<![\\p{N}])${DAY}\\s+${MONTH}(?:,?\\s+${YEAR})?(?![\\p{L}])`,
    `${MONTH}${DOT}\\s+${DAY}(?:,?\\s+${YEAR})?(?![\\p{L}\\p{N}])`,
    `(?:in|since|during|until|from|of|late|early|mid|mid-)\\s+${MONTH}(?:\\s+${YEAR})?(?![\\p{L}\\p{N}])`,
    `(?:in|since|during|until|from|of)\\s+${YEAR}(?![\\p{L}\\p{N}])`,
    `(?<![\\p{N}])${YEAR}(?=['’]s?\\s|\\s+(?:war|conflict|attack|attacks|invasion|offensive|massacre|uprising|election)\\b)`,
    `${WEEKDAY}(?:['’]s)?(?![\\p{L}])`,
  ].join('|')})`,
  'gu',
);
/** Every date above holds a digit, a month's first three letters or "day": most sentences hold none. */
const MAY_HOLD_DATE = /\d|day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/;
const DAY_MS = 86_400_000;

export interface DateMention {
  start: number;
  end: number;
  /** Older than the staleness window before the article's publication. */
  stale: boolean;
}

const monthIndex = (word: string) =>
  MONTHS.indexOf(word.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);

/**
 * The dates of a sentence and whether each is stale: more than `staleDays` days before
 * `published` (a year-less date is taken in the publication's year, or the year before when
 * that would put it in the future). Without a readable publication time only weekdays are
 * dated, as fresh: a report names the days of its own week by weekday ("on Tuesday"), and
 * older events by month or year. `folded` is `fold(sentence)`, when the caller has it.
 */
export function findDates(
  sentence: string,
  published: number,
  staleDays: number,
  folded = fold(sentence),
): DateMention[] {
  if (!MAY_HOLD_DATE.test(folded)) return [];
  const dated = Number.isFinite(published);
  const now = new Date(published);
  const found: DateMention[] = [];
  DATE.lastIndex = 0;
  for (const match of folded.matchAll(DATE)) {
    const [, d1, m1, y1, m2, d2, y2, m3, y3, y4, y5, weekday] = match;
    const start = match.index;
    const end = start + match[0].length;
    if (!dated) {
      if (weekday) found.push({ start, end, stale: false });
      continue;
    }
    let stale: boolean;
    // A weekday is the latest such day up to the publication's.
    if (weekday) stale = (now.getUTCDay() - WEEKDAYS.indexOf(weekday) + 7) % 7 > staleDays;
    else if (y4 ?? y5) stale = Number(y4 ?? y5) < now.getUTCFullYear();
    else if (m3) {
      const year = y3 ? Number(y3) : now.getUTCFullYear();
      const month = monthIndex(m3);
      const endOfMonth = Date.UTC(year, month + 1, 1);
      const past = endOfMonth <= published + DAY_MS ? endOfMonth : Date.UTC(year - 1, month + 1, 1);
      stale = published - past > staleDays * DAY_MS;
    } else {
      const day = Number(d1 ?? d2);
      const month = monthIndex((m1 ?? m2)!);
      const given = y1 ?? y2;
      let at = Date.UTC(given ? Number(given) : now.getUTCFullYear(), month, day);
      if (!given && at > published + DAY_MS) at = Date.UTC(now.getUTCFullYear() - 1, month, day);
      stale = published - at > staleDays * DAY_MS;
    }
    found.push({ start, end, stale });
  }
  return found;
}
