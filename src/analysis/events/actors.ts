import { isCommonWord, isFirstName, isLastName } from '../lexicon.ts';
import data from './actors.json' with { type: 'json' };
import gazetteer from './places.json' with { type: 'json' };
import {
  compileAnyScanner,
  findAll,
  fold,
  indexKey,
  occurs,
  scan,
  wordStarts,
  type Match,
  type WordStarts,
} from './pattern.ts';

interface ActorFile {
  nouns: string[];
  notNames: string[];
}
interface PlaceFile {
  places: { name: string; country: string; aliases: string[]; capital?: boolean }[];
}

const actorFile = data as unknown as ActorFile;
/** Capitalised words that are not names (sentence openers, days, months, titles). */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  actorFile.notNames.map((word) => word.toLowerCase()),
);

/** Actor nouns; the capitalised words just before one join it ("Kosovo police", "armed men"). */
const ACTOR_NOUN = compileAnyScanner(actorFile.nouns);
const MODIFIERS = /(?:(?:\p{Lu}[\p{L}'’-]*|ethnic|armed|masked)\s+){1,3}$/u;
const NAME = /\p{Lu}[\p{L}'’.-]*(?:\s+(?:of\s+the\s+|of\s+)?\p{Lu}[\p{L}'’.-]*)*/gu;

const PLACES = (gazetteer as unknown as PlaceFile).places
  .flatMap((place) =>
    [place.name, ...place.aliases].map((alias) => ({
      name: place.name,
      country: place.name === place.country,
      capital: place.capital === true,
      length: alias.length,
      hint: alias.toLowerCase(),
      key: indexKey(alias.toLowerCase()),
      regex: new RegExp(
        `(?<![\\p{L}\\p{N}])${alias
          .toLowerCase()
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/ /g, '\\s+')}(?![\\p{L}])`,
        'gu',
      ),
    })),
  )
  // Longer names first, so "North Mitrovica" wins over "Mitrovica".
  .sort((a, b) => b.length - a.length);

/** Names of the gazetteer's countries (Kosovo, Serbia). */
export function countryNames(): string[] {
  return [...new Set(PLACES.filter((place) => place.country).map((place) => place.name))];
}

export interface PlaceMention extends Match {
  name: string;
  /** True when the place is itself a country (Serbia, Kosovo). */
  country: boolean;
  /** A capital, often named for its government ("Belgrade said"). */
  capital: boolean;
}

/**
 * Gazetteer places named in a sentence, in reading order, longest name first on overlaps.
 * `words` (the folded sentence's word starts, when the caller has them) finds the names worth
 * a search by lookup instead of a search for each of the gazetteer's names.
 */
export function findPlaces(
  sentence: string,
  folded = fold(sentence),
  words: WordStarts = wordStarts(folded),
): PlaceMention[] {
  const found: PlaceMention[] = [];
  // Characters already inside a found name: an overlap test per character, not per earlier
  // mention, keeps a sentence naming thousands of places linear.
  let taken: Uint8Array | null = null;
  for (const place of PLACES)
    if (occurs(place.hint, place.key, folded, words))
      for (const match of findAll(place.regex, folded, sentence))
        if (!taken || !anyTaken(taken, match.start, match.end)) {
          taken ??= new Uint8Array(sentence.length + 1);
          taken.fill(1, match.start, match.end);
          found.push({
            start: match.start,
            end: match.end,
            text: match.text,
            name: place.name,
            country: place.country,
            capital: place.capital,
          });
        }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether any character from `start` to `end` is already inside a found name. */
function anyTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (taken[at]) return true;
  return false;
}

/** Whether a match overlaps any of a list. */
function overlaps(match: Match, list: readonly Match[]): boolean {
  return list.some((other) => match.start < other.end && match.end > other.start);
}

const PREPOSITION_BEFORE =
  /\b(?:in|at|near|outside|from|into|toward|towards)\s+(?:the\s+)?(?:\p{L}+\s+){0,2}$/iu;

function afterPreposition(sentence: string, place: PlaceMention): boolean {
  return PREPOSITION_BEFORE.test(sentence.slice(Math.max(0, place.start - 40), place.start));
}

/**
 * Who is involved, in reading order: actor nouns with their modifiers ("Kosovo police") and
 * capitalised names that are not places, dates or sentence-opening function words. `folded`
 * must be `fold(sentence)` and `words` its word starts, when the caller has them.
 */
export function findActors(
  sentence: string,
  places: readonly PlaceMention[],
  folded = fold(sentence),
  words: WordStarts = wordStarts(folded),
): Match[] {
  const found: Match[] = [];
  // Towns are places; a country or capital is an actor unless the sentence puts something in it.
  let asPlace: PlaceMention[] | undefined;
  for (const noun of scan(ACTOR_NOUN, folded, sentence, words)) {
    const modifiers = MODIFIERS.exec(sentence.slice(Math.max(0, noun.start - 60), noun.start));
    const start = noun.start - (modifiers?.[0].length ?? 0);
    found.push(trimLeading({ start, end: noun.end, text: sentence.slice(start, noun.end) }));
  }
  for (const raw of findAll(NAME, sentence)) {
    const match = trimLeading(raw);
    if (!match.text || overlaps(match, found)) continue;
    asPlace ??= places.filter(
      (place) => (!place.country && !place.capital) || afterPreposition(sentence, place),
    );
    if (overlaps(match, asPlace)) continue;
    if (NOT_NAMES.has(match.text.toLowerCase()) || opensWithCommonWord(sentence, match)) continue;
    found.push(match);
  }
  return found.filter((match) => match.text.length > 1).sort((a, b) => a.start - b.start);
}

/** One word in title case: "WHO" and "US" are acronyms however common "who" and "us" are. */
const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;
/** A verb of speech right after the word: it is the sentence's subject, a surname. */
const SPEAKS_NEXT = /^\s+(?:said|says|told|tells|added|warned|wrote)\b/u;
/** Space, quotes and brackets only: what may stand before a sentence's first word. */
const OPENING = /^[\s"“‘'(]*$/u;
/**
 * A stop, then only space and quotes: a sentence starts inside the one read ("... 10 times the
 * price. Why are the police ...", or a question a scraped page glued to the next: "fighting in
 * Gaza?Why").
 */
const AFTER_STOP = /[.?!:]["”’')]?[\s"“‘'(]*$/u;

/**
 * A lone capitalised word that opens a sentence and is an everyday word ("However",
 * "Speaking", "Hundreds", "Assumed") is capitalised for its place, not as a name. Names
 * that are also words stay: those the lexicon knows as names, and one that speaks ("Brown said").
 */
function opensWithCommonWord(sentence: string, match: Match): boolean {
  if (!TITLE_CASE.test(match.text)) return false;
  const before = sentence.slice(Math.max(0, match.start - 8), match.start);
  if (!(match.start === before.length && OPENING.test(before)) && !AFTER_STOP.test(before))
    return false;
  const folded = match.text.toLowerCase();
  if (!isCommonWord(folded) || isLastName(folded) || isFirstName(folded)) return false;
  return !SPEAKS_NEXT.test(sentence.slice(match.end, match.end + 12));
}

/** Drops sentence-opening function words ("The Kosovo police" becomes "Kosovo police"). */
function trimLeading(match: Match): Match {
  let { start, text } = match;
  for (;;) {
    const first = /^(\S+)\s+/.exec(text);
    if (!first || !NOT_NAMES.has(first[1]!.toLowerCase())) break;
    start += first[0].length;
    text = text.slice(first[0].length);
  }
  text = text.replace(/[.’']+$/, '').replace(/['’]s$/, '');
  return { start, end: start + text.length, text };
}
