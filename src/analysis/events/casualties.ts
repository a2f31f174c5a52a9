import data from './casualties.json' with { type: 'json' };
import { fold } from './pattern.ts';

interface CasualtyFile {
  numbers: Record<string, number>;
  qualifiers: string[];
  victims: string[];
  killed: string[];
  injured: string[];
}

const file = data as unknown as CasualtyFile;
const NUMBERS = new Map(Object.entries(file.numbers));

const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/ /g, '\\s+'))
    .join('|');

const QUALIFIER = `(?:(?:${alternation(file.qualifiers)})\\s+)?`;
const COUNT = `(?!(?:19|20)\\d\\d(?![\\d,]))(\\d{1,3}(?:,\\d{3})+|\\d+|${alternation([...NUMBERS.keys()])})`;
// Person nouns ("police ~ officers" lets words stand between); matched on folded text.
const VICTIM = `(?:${file.victims
  .map((victim) => victim.replace(/ ~ /g, "(?:\\s+[\\p{L}'’-]+){0,2}\\s+"))
  .join('|')})(?![\\p{L}])`;
// Words between a number and its noun; never a verb of the outcome or another number.
const WORDS =
  "(?:\\s+(?!(?:were|was|have|has|had|been|killed|injured|wounded|dead|died|hurt)(?![\\p{L}]))[\\p{L}.'’-]+){0,6}?";
const INCLUDING = '(?:\\s*,\\s*(?:including|among them)[^,]{1,80},)?';
const AUX =
  '(?:\\s+(?:were|was|have\\s+been|has\\s+been|had\\s+been|are|is|been|reportedly|reported|also|all|later|were\\s+reported|was\\s+reported))*';

function patterns(outcome: readonly string[]) {
  const words = alternation(outcome);
  return [
    // "three people were killed", "several people, including a policeman, were killed"
    new RegExp(
      `(?<![\\p{L}\\p{N}])${QUALIFIER}${COUNT}(${WORDS}\\s+(?:${VICTIM}))${INCLUDING}${AUX}\\s+(?:${words})(?![\\p{L}])`,
      'gu',
    ),
    // "three were killed"
    new RegExp(`(?<![\\p{L}\\p{N}])${QUALIFIER}${COUNT}()${AUX}\\s+(?:${words})(?![\\p{L}])`, 'gu'),
    // "killing at least 156 people", "wounded two others"
    new RegExp(
      `(?<![\\p{L}])(?:${words}|killing|wounding|injuring)\\s+${QUALIFIER}${COUNT}(${WORDS}\\s+(?:${VICTIM}))(?![\\p{L}])`,
      'gu',
    ),
  ];
}

const KILLED = patterns(file.killed);
const INJURED = patterns(file.injured);
const DEATH_TOLL = new RegExp(
  `death\\s+toll\\s+(?:\\w+\\s+){0,3}?(?:to|at|of|reached|is|was)\\s+${QUALIFIER}${COUNT}(?![\\p{L}])`,
  'gu',
);
const NONE_KILLED =
  /\b(?:no one|nobody|no-one|none)\s+(?:\w+\s+){0,2}?(?:was|were|had been|has been)\s+(?:killed|dead|hurt|injured|wounded)|\bno\s+(?:deaths|fatalities|casualties|injuries)\b/u;

/** Cheap first test: most sentences name no dead or injured and skip the big patterns. */
const OUTCOME_WORD =
  /kill|dead|died|slain|murder|massacr|execut|lives|perish|toll|injur|wound|hurt|hospital|casualt|fatalit/i;

function toNumber(word: string): number | null {
  const digits = word.replace(/,/g, '');
  if (/^\d+$/.test(digits)) return Number(digits);
  return NUMBERS.get(word.toLowerCase().replace(/\s+/g, ' ')) ?? null;
}

/** Counts over non-overlapping matches, so "two soldiers were killed" is not counted twice. */
function total(regexes: readonly RegExp[], sentence: string): { n: number; words: string[] } {
  const taken: [number, number][] = [];
  let n = 0;
  const words: string[] = [];
  for (const regex of regexes) {
    regex.lastIndex = 0;
    for (const match of sentence.matchAll(regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      // "no one was killed" is a count of none, handled apart.
      if (/\bno[\s-]*$/.test(sentence.slice(Math.max(0, start - 4), start))) continue;
      const count = toNumber(match[1] ?? '');
      // A bare article ("a", "an") only counts before a person noun: "a policeman was killed".
      if (count === null || (count === 1 && /^an?$/i.test(match[1] ?? '') && !match[2]?.trim()))
        continue;
      taken.push([start, end]);
      n += count;
      words.push(match[0].trim());
    }
  }
  return { n, words };
}

export interface Casualties {
  /** Null when the sentence gives no number; 0 when it says nobody died. */
  killed: number | null;
  injured: number | null;
  /** The phrases the counts come from. */
  words: string[];
}

/**
 * The dead and injured one sentence reports. Vague quantities count as their lower bound
 * (`casualties.json`); "no one was killed" gives 0, not null.
 */
export function countCasualties(original: string): Casualties {
  if (!OUTCOME_WORD.test(original)) return { killed: null, injured: null, words: [] };
  const sentence = fold(original);
  const killed = total(KILLED, sentence);
  DEATH_TOLL.lastIndex = 0;
  const toll = [...sentence.matchAll(DEATH_TOLL)]
    .map((match) => ({ n: toNumber(match[1] ?? ''), text: match[0] }))
    .filter((item): item is { n: number; text: string } => item.n !== null);
  const injured = total(INJURED, sentence);
  const none = NONE_KILLED.test(sentence);
  let dead: number | null = killed.n > 0 ? killed.n : null;
  for (const item of toll) dead = Math.max(dead ?? 0, item.n);
  if (dead === null && none && /killed|dead|died|deaths|fatalities|casualties/i.test(sentence))
    dead = 0;
  return {
    killed: dead,
    injured: injured.n > 0 ? injured.n : none && /hurt|injur|wound/i.test(sentence) ? 0 : null,
    words: [...killed.words, ...toll.map((item) => item.text), ...injured.words],
  };
}
