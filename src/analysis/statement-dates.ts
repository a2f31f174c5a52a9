/**
 * When a statement was made, where its sentence says so: "last week Kirby described ...",
 * "Kurti said on Saturday that ...", "in May". News often recaps what was said days before;
 * dated by the article alone, such a recap would pass for a new statement.
 */

/** Inclusive ISO days (YYYY-MM-DD): one day, a week or a month. */
export interface SaidWhen {
  start: string;
  end: string;
  /** The words that set it ("last week", "on Friday"). */
  text: string;
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(jan(?:uary|\\.)?|feb(?:ruary|\\.)?|march|april|may|june|july|aug(?:ust|\\.)?|sept?(?:ember|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)';

/** Occasions a statement is made at, for "a 2018 press conference". */
const OCCASION =
  '(?:interview|speech|press conference|news conference|statement|address|letter|book|memoir|' +
  'documentary|podcast|hearing|debate|rally|summit|meeting|visit|op-ed|article|essay|post|' +
  'video|broadcast|briefing|testimony)';

/** Stands for any digit in a pattern's `needs`. */
const DIGIT = '0-9';

/** Each pattern and how it turns the publication day into a span of days. */
const PATTERNS: {
  re: RegExp;
  /**
   * A word every match contains (`DIGIT`: a digit), looked for in the lowercased sentence
   * first where the RegExp has no literal start to search for ("\b(\w+) days ago").
   */
  needs?: string;
  span: (match: RegExpExecArray, day: number) => [number, number] | null;
  /** Only right after the cue: a bare year before it is often another event's. */
  beside?: boolean;
}[] = [
  {
    re: /\b(last|this|on|late on|early on|late|early)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!['’]s)/gi,
    needs: 'day',
    span: (match, day) => {
      const target = WEEKDAYS.indexOf(match[2]!.toLowerCase());
      let back = (weekday(day) - target + 7) % 7;
      if (back === 0 && match[1]?.toLowerCase() === 'last') back = 7;
      return [day - back, day - back];
    },
  },
  { re: /\b(yesterday|last night)\b/gi, span: (_, day) => [day - 1, day - 1] },
  {
    re: /\b(today|tonight|this (?:morning|afternoon|evening))\b/gi,
    span: (_, day) => [day, day],
  },
  {
    re: /\blast week\b|\bthe previous week\b/gi,
    needs: 'week',
    span: (_, day) => {
      const monday = day - ((weekday(day) + 6) % 7);
      return [monday - 7, monday - 1];
    },
  },
  {
    re: /\b(?:earlier )?this week\b/gi,
    needs: 'week',
    span: (_, day) => [day - ((weekday(day) + 6) % 7), day],
  },
  {
    re: /\b(?:over|at|on|during) the weekend\b|\blast weekend\b/gi,
    needs: 'weekend',
    span: (_, day) => {
      const back = (weekday(day) + 1) % 7;
      const saturday = day - (back === 0 ? 7 : back);
      return [saturday, Math.min(saturday + 1, day)];
    },
  },
  { re: /\b(\w+) days ago\b/gi, needs: 'ago', span: (match, day) => ago(match[1]!, day, 1) },
  { re: /\b(\w+) weeks? ago\b/gi, needs: 'ago', span: (match, day) => ago(match[1]!, day, 7) },
  {
    re: /\blast month\b/gi,
    needs: 'month',
    span: (_, day) => {
      const date = new Date(day * DAY_MS);
      return monthSpan(date.getUTCFullYear(), date.getUTCMonth() - 1);
    },
  },
  {
    re: /\b(?:earlier )?this month\b/gi,
    needs: 'month',
    span: (_, day) => {
      const date = new Date(day * DAY_MS);
      return [toDay(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)), day];
    },
  },
  {
    re: new RegExp(`\\b(?:on )?(\\d{1,2}) ${MONTH}(?:,? (\\d{4}))?\\b`, 'gi'),
    needs: DIGIT,
    span: (match, day) => dayOf(match[2]!, Number(match[1]), match[3], day),
  },
  {
    re: new RegExp(`\\b(?:on )?${MONTH} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`, 'gi'),
    needs: DIGIT,
    span: (match, day) => dayOf(match[1]!, Number(match[2]), match[3], day),
  },
  {
    // "said in 2018", "told the BBC in late 2019": a year. Not "in 2000 homes", a count.
    re: /\bin (?:early |late |mid-?)?((?:19|20)\d{2})\b(?![,.]?\d| [a-z]+s\b)/gi,
    needs: DIGIT,
    span: (match, day) => yearSpan(Number(match[1]), day),
    beside: true,
  },
  {
    // "at a 2018 press conference", "in a 2019 interview": an occasion of that year.
    re: new RegExp(
      `\\b(?:a|an|the|his|her|their|its) ((?:19|20)\\d{2}) (?:[a-z-]+ )?${OCCASION}\\b`,
      'gi',
    ),
    needs: DIGIT,
    span: (match, day) => yearSpan(Number(match[1]), day),
  },
  {
    re: new RegExp(`\\b(?:in (?:early |late |mid-?)?|last )${MONTH}(?: (\\d{4}))?\\b`, 'gi'),
    span: (match, day) => {
      const month = monthIndex(match[1]!);
      const published = new Date(day * DAY_MS);
      let year = match[2] ? Number(match[2]) : published.getUTCFullYear();
      if (!match[2] && month > published.getUTCMonth()) year--;
      return monthSpan(year, month);
    },
  },
];

/** A whole year, or this year up to the day: "in 2018" said in a 2023 article. */
function yearSpan(year: number, day: number): [number, number] | null {
  const [start, end] = [toDay(Date.UTC(year, 0, 1)), toDay(Date.UTC(year + 1, 0, 1)) - 1];
  return start > day ? null : [start, Math.min(end, day)];
}

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];

function ago(count: string, day: number, unit: number): [number, number] | null {
  const lower = count.toLowerCase();
  const n = lower === 'a' ? 1 : /^\d+$/.test(lower) ? Number(lower) : NUMBER_WORDS.indexOf(lower);
  if (n <= 0 || n > 60) return null;
  const at = day - n * unit;
  return unit === 1 ? [at, at] : [at - 3, at + 3];
}

function weekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

function toDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

function monthIndex(word: string): number {
  const lower = word.toLowerCase().replace('.', '');
  return MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3)));
}

function monthSpan(year: number, month: number): [number, number] {
  return [toDay(Date.UTC(year, month, 1)), toDay(Date.UTC(year, month + 1, 1)) - 1];
}

function dayOf(
  monthWord: string,
  date: number,
  yearText: string | undefined,
  published: number,
): [number, number] | null {
  const month = monthIndex(monthWord);
  if (month === -1 || date < 1 || date > 31) return null;
  const year = yearText ? Number(yearText) : new Date(published * DAY_MS).getUTCFullYear();
  let at = toDay(Date.UTC(year, month, date));
  if (!yearText && at > published) at = toDay(Date.UTC(year - 1, month, date));
  return [at, at];
}

const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The publication day as days since the epoch, read from the date the publisher wrote. */
function publishedDay(published: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!match) return null;
  return toDay(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/**
 * When the statement cued at `cue` in `sentence` was made: the time words nearest its cue,
 * outside what was said there (`contents`: a date inside a content dates its events, not the
 * statement). Null when the sentence says nothing, or points after publication.
 */
export function saidWhen(
  text: string,
  sentence: { start: number; end: number },
  contents: readonly { start: number; end: number }[],
  cue: number,
  published: string,
): SaidWhen | null {
  const day = publishedDay(published);
  if (day === null) return null;
  const region = text.slice(sentence.start, sentence.end);
  const lower = region.toLowerCase();
  const hasDigit = /\d/.test(region);
  let best: { distance: number; span: [number, number]; text: string } | null = null;
  for (const { re, needs, span, beside } of PATTERNS) {
    if (needs !== undefined && !(needs === DIGIT ? hasDigit : lower.includes(needs))) continue;
    re.lastIndex = 0;
    for (let match = re.exec(region); match !== null; match = re.exec(region)) {
      const start = sentence.start + match.index;
      const end = start + match[0].length;
      if (contents.some((content) => start < content.end && end > content.start)) continue;
      if (beside && !besideCue(text, start, cue)) continue;
      const found = span(match, day);
      if (!found || found[0] > day) continue;
      const distance = Math.min(Math.abs(start - cue), Math.abs(end - cue));
      if (!best || distance < best.distance)
        best = { distance, span: [found[0], Math.min(found[1], day)], text: match[0].trim() };
    }
  }
  return best && { start: iso(best.span[0]), end: iso(best.span[1]), text: best.text };
}

/**
 * Whether a time expression follows the cue closely, with no clause of its own between: "said
 * in 2018", "told the BBC in 2018". A year before the cue is too often another event's ("In a
 * reference to the bombing of Dresden in 1945, Mr Yadlin said", "Baskin, who helped negotiate
 * Gilad Shalit's release in 2011, said").
 */
function besideCue(text: string, start: number, cue: number): boolean {
  const between = text.slice(cue, start);
  return start > cue && between.length <= 40 && !OWN_CLAUSE.test(between);
}

const OWN_CLAUSE = /\b(?:who|which|whose|whom|that|when|after|before|since)\b/i;
