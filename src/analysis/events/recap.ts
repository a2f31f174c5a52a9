import { findDates } from './dates.ts';
import { compileScanner, scan, scannerSet, type Match, type WordStarts } from './pattern.ts';
import data from './recap.json' with { type: 'json' };

interface RecapFile {
  staleDays: number;
  baseline: string[];
  recap: string[];
  recapBefore: string[];
  now: string[];
}

const file = data as unknown as RecapFile;
const RECAP = file.recap.map(compileScanner);
const RECAP_BEFORE = file.recapBefore.map(compileScanner);
const NOW = file.now.map(compileScanner);
const recapIn = scannerSet(RECAP);
const recapBeforeIn = scannerSet(RECAP_BEFORE);
const nowIn = scannerSet(NOW);
const BASELINE = file.baseline.map(compileScanner);
const baselineIn = scannerSet(BASELINE);
/** Where the period a baseline compares with ends: its clause. */
const CLAUSE_END = /[,.;:!?()"“”]|\s[—–-]\s/u;

/**
 * The spans of a folded sentence that compare an event with a period ("one of the deadliest
 * incidents since the war began in October"): from the superlative to the end of its clause.
 * The dates and recap words inside tell when the period began, not when the event happened.
 */
export function baselineSpans(folded: string, words?: WordStarts): Match[] {
  return baselineIn(folded, words)
    .flatMap((scanner) => scan(scanner, folded, folded, words))
    .map((match) => {
      const rest = folded.slice(match.end);
      const stop = rest.search(CLAUSE_END);
      const end = match.end + (stop === -1 ? rest.length : stop);
      return { start: match.start, end, text: folded.slice(match.start, end) };
    });
}

/** A recap cue; `before` ones date only what comes after them ("the anniversary of the attack"). */
export interface RecapMatch extends Match {
  before: boolean;
}

/** Where a sentence points back in time (recap) and where it speaks of the article's day (now). */
export interface TimeCues {
  recap: RecapMatch[];
  now: Match[];
}

/**
 * The time cues of one sentence (given folded and as written; offsets relative to it): the
 * `recap.json` phrases, and dates, stale ones (more than `staleDays` days before `published`)
 * as recap cues and recent ones as cues of the day. `words` are the folded sentence's word
 * starts, when the caller has them.
 */
export function findTimeCues(
  folded: string,
  sentence: string,
  published: number,
  staleDays = file.staleDays,
  words?: WordStarts,
): TimeCues {
  const before = recapBeforeIn(folded, words).flatMap((scanner) =>
    scan(scanner, folded, sentence, words),
  );
  const baselines = baselineSpans(folded, words);
  const recap: RecapMatch[] = [
    ...recapIn(folded, words)
      .flatMap((scanner) => scan(scanner, folded, sentence, words))
      // "last week" inside "last week's arrest" is that longer cue's, which dates only the arrest.
      .filter((match) => !inside(match, before) && !inside(match, baselines))
      .map((match) => ({ ...match, before: false })),
    ...before.map((match) => ({ ...match, before: true })),
  ];
  const now = nowIn(folded, words).flatMap((scanner) => scan(scanner, folded, sentence, words));
  for (const date of findDates(sentence, published, staleDays, folded)) {
    const match = { start: date.start, end: date.end, text: sentence.slice(date.start, date.end) };
    if (!date.stale) now.push(match);
    else if (!inside(match, baselines)) recap.push({ ...match, before: false });
  }
  return { recap, now };
}

/** Whether a match lies within one of the spans. */
function inside(match: Match, spans: readonly Match[]): boolean {
  return spans.some((span) => span.start <= match.start && span.end >= match.end);
}

/**
 * Words that open another clause: a time cue beyond one dates another event. A relative clause
 * ("..., which", "who") is told of what comes before it, so a cue before it still dates its
 * events ("the 7 October attack, during which 1,200 were killed") but one inside it does not
 * date the events before ("retook the village from fighters who overran it last month").
 */
const TIME_BREAK = /[;:"“”]|\b(?:said|says|say|told|according\s+to|while|whereas|but)\b/iu;
const RELATIVE = /\b(?:who|which|whom|whose|where)\b/iu;
/**
 * Words after an event that open the phrase of its cause: a time cue beyond them dates the
 * cause ("reinforced its troops following the discovery of rockets last week"), not the event.
 */
const CAUSE =
  /\b(?:following|amid|in\s+the\s+wake\s+of|in\s+response\s+to|in\s+retaliation\s+for|because\s+of)\b/iu;
/**
 * "since last July" after an event starts a period that runs to the day of the report ("have
 * killed eight since last July"): a count kept up to now, not a recap. A date after "since"
 * ("killed since 7 October") stays a recap: that is how a war's running toll is told; a large
 * toll "since last October" is told apart by its size (detect.ts).
 */
const opensPeriod = (sentence: string, cue: Match) =>
  /^last\s/iu.test(cue.text) && /\bsince\s+$/iu.test(sentence.slice(0, cue.start));

function inClause(sentence: string, cue: Match, at: { start: number; end: number }): boolean {
  if (cue.end <= at.start) return !TIME_BREAK.test(sentence.slice(cue.end, at.start));
  const between = sentence.slice(at.end, cue.start);
  return !TIME_BREAK.test(between) && !RELATIVE.test(between) && !CAUSE.test(between);
}

const distance = (cue: Match, at: { start: number; end: number }) =>
  cue.end <= at.start ? at.start - cue.end : cue.start >= at.end ? cue.start - at.end : 0;

/**
 * The recap cue that puts the event at [start, end) of `sentence` in the past, if any: the
 * nearest recap cue in its clause, unless a cue of the day stands nearer ("last year's attack
 * ... a new strike on Monday" keeps Monday's strike as news).
 */
export function recapCue(
  cues: TimeCues,
  at: { start: number; end: number },
  sentence: string,
): Match | null {
  let best: Match | null = null;
  for (const cue of cues.recap)
    if (
      (!cue.before || cue.end <= at.start) &&
      !(cue.start >= at.end && opensPeriod(sentence, cue)) &&
      inClause(sentence, cue, at) &&
      (!best || distance(cue, at) < distance(best, at))
    )
      best = cue;
  if (!best) return null;
  const limit = distance(best, at);
  return cues.now.some((cue) => inClause(sentence, cue, at) && distance(cue, at) < limit)
    ? null
    : best;
}
