import data from './casualties.json' with { type: 'json' };
import { isLetter as isLetterAt } from '../tokens.ts';
import { fold } from './pattern.ts';
import { baselineSpans } from './recap.ts';

interface CasualtyFile {
  numbers: Record<string, number>;
  qualifiers: string[];
  victims: string[];
  killed: string[];
  injured: string[];
  cumulative: string[];
  singular: string[];
  warTollAtLeast: number;
  groups: Record<string, string[]>;
}

const file = data as unknown as CasualtyFile;
const NUMBERS = new Map(Object.entries(file.numbers));

const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/ /g, '\\s+'))
    .join('|');

const QUALIFIER = `(?:(?:${alternation(file.qualifiers)})\\s+)?`;
const NUMBER = `(?!(?:19|20)\\d\\d(?![\\d,]))(?:\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?: \\d{3})+(?!\\d)|\\d+|${alternation([...NUMBERS.keys()])})`;
// Person nouns ("police ~ officers" lets words stand between); matched on folded text.
const VICTIM = `(?:${[...file.victims, ...file.singular]
  .map((victim) => victim.replace(/ ~ /g, "(?:\\s+[\\p{L}'’-]+){0,2}\\s+"))
  .join('|')})(?![\\p{L}])`;
// Words between a number and its noun ("three Kosovo police officers"): never a verb of the
// outcome, a conjunction or a word that starts another phrase ("five of them").
const WORDS =
  "(?:\\s+(?!(?:and|or|of|them|whom|which|who|including|among|were|was|have|has|had|been|killed|injured|wounded|dead|died|hurt)(?![\\p{L}]))[\\p{L}.'’-]+){0,4}?";
/** "three of the attackers": a number of a group named before it. */
const PARTITIVE = '(?:\\s+of\\s+(?:the|those|these|their|its))?';
/**
 * One counted group of people: "three gunmen", "a Kosovo police officer", "at least 20 people",
 * "three of the attackers".
 */
const ITEM = `${QUALIFIER}${NUMBER}${PARTITIVE}${WORDS}\\s+${VICTIM}`;
/** "and her son", "and his wife": one relative of the person counted before. */
const RELATIVE_ITEM = `(?:his|her)\\s+(?:${alternation(file.singular)})(?![\\p{L}])`;
const RELATIVE_COUNT = new RegExp(`(?:and|as\\s+well\\s+as)\\s+(${RELATIVE_ITEM})`, 'gu');
/**
 * Groups joined in one phrase, each counted: "a police officer and three gunmen", "an elderly
 * woman and her son".
 */
const LIST = `${ITEM}(?:\\s*,?\\s+(?:and|as\\s+well\\s+as)\\s+(?:${ITEM}|${RELATIVE_ITEM})|\\s*,\\s*${ITEM})*`;
const INCLUDING =
  '(?:\\s*[,–—-]\\s*(?:including|among them|[\\p{L}\\d]+\\s+of\\s+them|mostly|mainly)[^,–—]{1,80}[,–—-])?';
/** "seven hostages (being) held in the Gaza Strip have died": where the counted were kept. */
const HELD =
  "(?:\\s+(?:being\\s+)?(?:held|kept|trapped|detained)(?:\\s+(?:in|at|by|inside)(?:\\s+[\\p{L}'’-]+){1,4}?)?(?=\\s+(?:have|has|had|were|was)\\s))?";
/**
 * "a student initially reported to have been taken hostage by Hamas in Israel is confirmed to
 * have been killed": what was first said of the counted, before the verb that counts them.
 */
const FIRST_SAID =
  "(?:\\s+(?:(?:initially|first|earlier|originally|previously)\\s+)?(?:reported|believed|thought|feared|said)\\s+to\\s+have\\s+been(?:\\s+[\\p{L}'’-]+){1,8}?(?=\\s+(?:is|was|has|have|are|were)\\s))?";
/**
 * "were", "have been", "have now been", "had already been", "are said to have been", and the
 * present perfect of dying ("have died"; "one had died" tells of some earlier time).
 */
const AUX =
  '(?:\\s+(?:were|was|have\\s+been|has\\s+been|had\\s+been|(?:have|has|had)(?=\\s+(?:now|already|so\\s+far|also|reportedly)\\s)|(?:have|has)(?=\\s+(?:died|perished)(?![\\p{L}]))|are|is|(?:said|reported|believed|thought|feared|confirmed|known)\\s+to\\s+have\\s+been|been|reportedly|reported|also|all|later|were\\s+reported|was\\s+reported|since|so\\s+far|now|already))*';
const LEADING_QUALIFIER = new RegExp(`^${QUALIFIER}`, 'u');
const ITEM_COUNT = new RegExp(
  `(?<![\\p{L}\\p{N}])${QUALIFIER}(${NUMBER})${PARTITIVE}${WORDS}\\s+(${VICTIM})`,
  'gu',
);
const GROUPS = Object.entries(file.groups).map(([name, nouns]) => ({
  name,
  regex: new RegExp(
    `(?<![\\p{L}])(?:${nouns.map((noun) => noun.replace(/ ~ /g, "(?:\\s+[\\p{L}'’-]+){0,2}\\s+")).join('|')})(?![\\p{L}])`,
    'u',
  ),
}));
/** The group of people a noun names, "people" when it is none of `groups`. */
const groupOf = (noun: string) => GROUPS.find((group) => group.regex.test(noun))?.name ?? 'people';

/** The literal start of each alternative ("hospitali[sz]ed" gives "hospitali"), lowercase. */
const firstLiterals = (alternatives: readonly string[]) =>
  alternatives.map((alternative) => alternative.split(/[\s\\[(?*+{|.]/)[0]!);

/** What a count's first word can be: a qualifier's, a number word's, or "another", "one other". */
const COUNT_FIRSTS = [
  ...firstLiterals(file.qualifiers),
  ...firstLiterals([...NUMBERS.keys()]),
  'another',
  'a',
  'one',
];

/**
 * A count pattern and where a match can start. Run by `matchAll`, each pattern was tried at
 * every character of a sentence (with dozens of number words and qualifiers at each), which
 * made counting the dearest part of the events stage on casualty-heavy news; a match can only
 * start where a word begins with one of `firsts` (or a digit, when `digits`), so only those
 * places are tried, with the same pattern made sticky.
 */
interface CountPattern {
  sticky: RegExp;
  firsts: readonly string[];
  digits: boolean;
}

function countPattern(source: string, firsts: readonly string[], digits: boolean): CountPattern {
  return {
    sticky: new RegExp(source, 'uy'),
    firsts: [...new Set(firsts)],
    digits,
  };
}

const isLetter = (char: string) => char !== '' && isLetterAt(char, char.charCodeAt(0));
const isDigit = (char: string) => char >= '0' && char <= '9';

/**
 * The places a pattern's match can start: each letter after a non-letter where one of its
 * `firsts` begins, and, for patterns that start with a number, each ASCII digit after neither a
 * letter nor a digit. Every match starts at one of them, so trying only these finds what
 * `matchAll` finds.
 */
function candidateStarts(sentence: string, pattern: CountPattern): number[] {
  const starts: number[] = [];
  let previous = '';
  for (let at = 0; at < sentence.length; at++) {
    const char = sentence[at]!;
    if (isLetter(char)) {
      if (!isLetter(previous) && pattern.firsts.some((first) => sentence.startsWith(first, at)))
        starts.push(at);
    } else if (pattern.digits && isDigit(char) && !isDigit(previous) && !isLetter(previous))
      starts.push(at);
    previous = char;
  }
  return starts;
}

/** What `matchAll` with the pattern would find, trying it only where a match can start. */
function matchesOf(pattern: CountPattern, sentence: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let next = 0;
  for (const at of candidateStarts(sentence, pattern)) {
    if (at < next) continue;
    pattern.sticky.lastIndex = at;
    const match = pattern.sticky.exec(sentence);
    if (!match) continue;
    found.push(match);
    next = at + Math.max(1, match[0].length);
  }
  return found;
}

/**
 * The count patterns of one outcome, and the cheap test a sentence must pass for any of them to
 * match: each pattern contains an outcome word or participle, so a sentence without one is not
 * run through them. `participleFirsts` are the participles' literal starts.
 */
function patterns(
  outcome: readonly string[],
  participles: string,
  participleFirsts: readonly string[],
): { any: RegExp; regexes: CountPattern[] } {
  const words = alternation(outcome);
  const outcomeFirsts = [...firstLiterals(outcome), ...participleFirsts];
  const regexes = [
    // "a police officer and three gunmen were killed", "several people, including a policeman, were killed"
    countPattern(
      `(?<![\\p{L}\\p{N}])(${LIST})${INCLUDING}${HELD}${FIRST_SAID}${AUX}\\s+(?:${words})(?![\\p{L}])`,
      COUNT_FIRSTS,
      true,
    ),
    // "killing two soldiers and a civilian", "wounded two others"
    countPattern(`(?<![\\p{L}])(?:${words}|${participles})\\s+(${LIST})`, outcomeFirsts, false),
    // "killing 12.", "wounding five in the attack"
    countPattern(
      `(?<![\\p{L}])(?:${words}|${participles})\\s+(${QUALIFIER}${NUMBER})(?=\\s*(?:[,.;]|$|\\s+(?:and|in|at|on|near|when|after|during|as|including)(?![\\p{L}])))`,
      outcomeFirsts,
      false,
    ),
    // "three were killed", "another wounded"
    countPattern(
      `(?<![\\p{L}\\p{N}])(${QUALIFIER}${NUMBER}|another|a\\s+second|one\\s+other)${AUX}\\s+(?:${words})(?![\\p{L}])`,
      COUNT_FIRSTS,
      true,
    ),
  ];
  return { any: new RegExp(`${words}|${participles}`, 'u'), regexes };
}

const SINGULAR = `(?:${alternation(file.singular)})`;
const PASSIVE = '\\s+(?:was|has\\s+been|had\\s+been)(?:\\s+(?:reportedly|also|later))?\\s+';
/** One person named or described as one: "the Hamas leader was killed", "Arouri was killed". */
const ONE_KILLED = [
  new RegExp(
    `(?<![\\p{L}])(?:the|his|her|their|its)${WORDS}\\s+${SINGULAR}(?![\\p{L}])${INCLUDING}${PASSIVE}(?:${alternation(file.killed)})(?![\\p{L}])`,
    'gu',
  ),
];
const NAMED_KILLED_WORDS = 'killed|shot\\s+dead|assassinated|murdered';
const NAMED_KILLED = new RegExp(
  `(?<![\\p{L}])\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+){0,2}(?:\\s*,[^,]{1,80},)?${PASSIVE}(?:${NAMED_KILLED_WORDS})(?![\\p{L}])`,
  'gu',
);
/** Each word NAMED_KILLED needs, for skipping it on the many sentences with none. */
const NAMED_KILLED_ANY = new RegExp(NAMED_KILLED_WORDS, 'u');
const KNOWN_VICTIMS = new RegExp(
  `(?:^|[^\\p{L}])(?:the|those|these|his|her|their)\\s+(?:[\\p{L}\\p{N}'’,-]+\\s+){0,4}?(?:${VICTIM}|${SINGULAR})\\s+(?:who\\s+(?:were|was|had\\s+been|have\\s+been)\\s+)?$`,
  'u',
);

/**
 * Whether folded text ending right before a trigger names dead already known: "the three Serbs
 * killed in Sunday's shootout", "the aid workers who were killed" refer to deaths told before.
 */
export function knownVictimsBefore(folded: string): boolean {
  const before = folded.slice(-120);
  return KNOWN_VICTIMS.test(before) && !TALLY.test(before);
}

/** "the number of people killed": a toll being told, not a reference to known dead. */
const TALLY = /\b(?:number|total|toll|count|tally)\s+of\s+(?:[\p{L}-]+\s+){0,2}$/u;

/** The least a war's running toll gives: below it a toll is one incident's. */
export const WAR_TOLL_AT_LEAST = file.warTollAtLeast;

// A headline's present tense acts like the participle: "tank fire kills five soldiers".
const KILLED = patterns(file.killed, 'killing|kills|(?<!\\bto\\s)kill', ['kill']);
const INJURED = patterns(file.injured, 'wounding|injuring|injures|(?<!\\bto\\s)injure', [
  'wounding',
  'injur',
]);
const TOLL_WORDS = '(?:death\\s+toll|number\\s+of\\s+(?:dead|deaths|people\\s+killed|fatalities))';
const TOLL_ANY = new RegExp(TOLL_WORDS, 'u');
const DEATH_TOLL = new RegExp(
  `${TOLL_WORDS}\\s+(?:[\\p{L}'’,]+\\s+){0,14}?(?:to|at|of|reached|is|was|passed|passes|past|exceeded|surpassed|tops?|topped)\\s+${QUALIFIER}(?!an?\\s)(${NUMBER})(?![\\p{L}])`,
  'gu',
);
const NONE_KILLED =
  /\b(?:no one|nobody|no-one|none)\s+(?:\w+\s+){0,2}?(?:was|were|had been|has been)\s+(?:killed|dead|hurt|injured|wounded)|\bno\s+(?:deaths|fatalities|casualties|injuries)\b/u;
/** Words that make a count a running total ("since the war began", "so far", "in total"). */
const CUMULATIVE = new RegExp(`(?<![\\p{L}])(?:${alternation(file.cumulative)})(?![\\p{L}])`, 'gu');
/** A count's clause: a running-total cue counts only between these. */
const CLAUSE = /[;:]|,\s+(?:and|but|while|bringing|raising|taking)\b|\s[—–]\s/gu;

/** Cheap first test: most sentences name no dead or injured and skip the big patterns. */
const OUTCOME_WORD =
  /kill|dead|died|slain|murder|massacr|execut|lives|perish|toll|injur|wound|hurt|hospital|casualt|fatalit/i;

function toNumber(word: string): number | null {
  // "25,000", or "25 000" as URL slugs and some outlets write it.
  const digits = word.replace(/[, ]/g, '');
  if (/^\d+$/.test(digits)) return Number(digits);
  const key = word.toLowerCase().replace(/\s+/g, ' ');
  if (key === 'another' || key === 'a second' || key === 'one other') return 1;
  return NUMBERS.get(key) ?? null;
}

type Groups = Record<string, number>;

/** The sum of the groups a matched phrase counts ("a policeman and three gunmen" = 4). */
function countOf(phrase: string): { n: number; groups: Groups } | null {
  ITEM_COUNT.lastIndex = 0;
  let n = 0;
  const groups: Groups = {};
  for (const item of phrase.matchAll(ITEM_COUNT)) {
    const count = toNumber(item[1] ?? '');
    if (count === null) continue;
    n += count;
    const group = groupOf(item[2] ?? '');
    groups[group] = (groups[group] ?? 0) + count;
  }
  RELATIVE_COUNT.lastIndex = 0;
  for (const relative of phrase.matchAll(RELATIVE_COUNT)) {
    n += 1;
    const group = groupOf(relative[1] ?? '');
    groups[group] = (groups[group] ?? 0) + 1;
  }
  if (Object.keys(groups).length > 0) return { n, groups };
  // A bare count ("three were killed", "at least 12 killed"); a bare article never counts.
  const bare = phrase.trim().replace(LEADING_QUALIFIER, '');
  const count = /^an?$/i.test(bare) ? null : toNumber(bare);
  return count === null ? null : { n: count, groups: { people: count } };
}

interface Count {
  n: number;
  start: number;
  end: number;
  text: string;
  cumulative: boolean;
  /** Told in the perfect tense ("have been killed"): as of the time of writing. */
  perfect: boolean;
  groups: Groups;
}

const PERFECT = /\b(?:have|has)\s+(?:been\s+|now\s+|so\s+far\s+)*$/u;

/**
 * Whether a running-total cue stands in the clause of the count at [start, end). "Since" in a
 * comparison ("one of the deadliest incidents since the war began") dates a period, not a count.
 */
function inCumulativeClause(sentence: string, start: number, end: number): boolean {
  let from = 0;
  let to = sentence.length;
  for (const match of sentence.matchAll(CLAUSE)) {
    if (match.index + match[0].length <= start) from = match.index + match[0].length;
    else if (match.index >= end) {
      to = match.index;
      break;
    }
  }
  const cues = [...sentence.slice(from, to).matchAll(CUMULATIVE)];
  if (cues.length === 0) return false;
  const baselines = baselineSpans(sentence);
  return cues.some(
    (cue) =>
      !baselines.some(
        (span) => span.start <= from + cue.index && span.end >= from + cue.index + cue[0].length,
      ),
  );
}

/** Counts over non-overlapping matches, so "two soldiers were killed" is not counted twice. */
function counts(
  regexes: readonly (RegExp | CountPattern)[],
  sentence: string,
  found: Count[] = [],
  one = false,
): Count[] {
  for (const regex of regexes) {
    if (regex instanceof RegExp) regex.lastIndex = 0;
    const matches = regex instanceof RegExp ? sentence.matchAll(regex) : matchesOf(regex, sentence);
    for (const match of matches) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && end > other.start)) continue;
      // "no one was killed" is a count of none, handled apart.
      if (/\bno[\s-]*$/.test(sentence.slice(Math.max(0, start - 4), start))) continue;
      const counted = one ? { n: 1, groups: { [groupOf(match[0])]: 1 } } : countOf(match[1] ?? '');
      if (counted === null) continue;
      const { n, groups } = counted;
      const cumulative = inCumulativeClause(sentence, start, end);
      const perfect =
        /\b(?:have|has)\s+(?:now\s+|already\s+|so\s+far\s+)?(?:been|died|perished)\b/.test(
          match[0],
        ) || PERFECT.test(sentence.slice(Math.max(0, start - 30), start));
      found.push({ n, start, end, text: match[0].trim(), cumulative, perfect, groups });
    }
  }
  return found;
}

/** New counts add up; running totals are reported alone, the largest, when nothing new is. */
function combine(found: readonly Count[]): {
  n: number | null;
  cumulative: boolean;
  perfect: boolean;
} {
  const fresh = found.filter((count) => !count.cumulative);
  const chosen = fresh.length > 0 ? fresh : found;
  if (chosen.length === 0) return { n: null, cumulative: false, perfect: false };
  return {
    n:
      fresh.length > 0
        ? fresh.reduce((sum, count) => sum + count.n, 0)
        : Math.max(...found.map((count) => count.n)),
    cumulative: fresh.length === 0,
    perfect: chosen.some((count) => count.perfect),
  };
}

function addGroups(found: readonly Count[]): Groups {
  const groups: Groups = {};
  for (const count of found)
    for (const [group, n] of Object.entries(count.groups)) groups[group] = (groups[group] ?? 0) + n;
  return groups;
}

export interface Casualties {
  /** Null when the sentence gives no number; 0 when it says nobody died. */
  killed: number | null;
  injured: number | null;
  /**
   * The dead are a running total ("the death toll rose to 30", "have been killed since the war
   * began"): the latest figure of a toll, never to be added to another report of the same dead.
   */
  cumulative: boolean;
  /** The dead are told in the perfect tense ("have been killed"), as of the time of writing. */
  perfect: boolean;
  /** The new dead by who they were: `security` forces, `armed` men, and other `people`. */
  groups: Groups;
  /** The phrases the counts come from. */
  words: string[];
}

/**
 * The dead and injured one sentence reports. The groups of one phrase add up ("a police officer
 * and three gunmen were killed" = 4); vague quantities count as their lower bound
 * (`casualties.json`); a death toll or a count "since the war began" is a running total, used
 * only when the sentence gives no new count; "no one was killed" gives 0, not null.
 */
export function countCasualties(original: string): Casualties {
  if (!OUTCOME_WORD.test(original))
    return {
      killed: null,
      injured: null,
      cumulative: false,
      perfect: false,
      groups: {},
      words: [],
    };
  const sentence = fold(original);
  const anyKilled = KILLED.any.test(sentence);
  const killed = anyKilled ? counts(KILLED.regexes, sentence) : [];
  // ONE_KILLED's verbs are among KILLED's.
  if (anyKilled) counts(ONE_KILLED, sentence, killed, true);
  // Names are capitalised: matched on the sentence as written (folding keeps offsets).
  if (NAMED_KILLED_ANY.test(original)) counts([NAMED_KILLED], original, killed, true);
  DEATH_TOLL.lastIndex = 0;
  for (const match of TOLL_ANY.test(sentence) ? sentence.matchAll(DEATH_TOLL) : []) {
    const n = toNumber(match[1] ?? '');
    const start = match.index;
    const end = start + match[0].length;
    if (n === null || killed.some((other) => start < other.end && end > other.start)) continue;
    killed.push({
      n,
      start,
      end,
      text: match[0],
      cumulative: true,
      perfect: false,
      groups: { people: n },
    });
  }
  const injured = INJURED.any.test(sentence) ? counts(INJURED.regexes, sentence) : [];
  const none = NONE_KILLED.test(sentence);
  const dead = combine(killed);
  const hurt = combine(injured);
  return {
    killed:
      dead.n ??
      (none && /killed|dead|died|deaths|fatalities|casualties/i.test(sentence) ? 0 : null),
    injured: hurt.n ?? (none && /hurt|injur|wound/i.test(sentence) ? 0 : null),
    cumulative: dead.cumulative,
    perfect: dead.perfect,
    groups: addGroups(killed.filter((count) => !count.cumulative)),
    words: [...killed, ...injured].map((count) => count.text),
  };
}
