import cueData from './lexicons/cue-verbs.json' with { type: 'json' };
import gazetteer from './lexicons/gazetteer.json' with { type: 'json' };
import titleData from './lexicons/titles.json' with { type: 'json' };
import placeData from './lexicons/places.json' with { type: 'json' };

/**
 * The word lists the rules read. compromise's own lexicon (first names, surnames, countries,
 * cities, organisations, verbs) is borrowed as a gazetteer: looking a word up is a map read,
 * far cheaper than running compromise's tagger over every article. The words and their tags
 * are kept in `lexicons/gazetteer.json` (written by `scripts/gazetteer.ts`), so no thread loads
 * compromise itself, some 40 MB each.
 */
const GAZETTEER = new Map<string, readonly string[]>();
for (const set of gazetteer.sets)
  for (const word of set.words.split('|')) GAZETTEER.set(word, set.tags);

const UNTAGGED: readonly string[] = [];

function tagsOf(word: string): readonly string[] {
  return GAZETTEER.get(word) ?? UNTAGGED;
}

/** A word the lexicon has never heard of: most often a name from outside English ("Varadkar"). */
export function isUnknownWord(folded: string): boolean {
  return tagsOf(folded).length === 0 && !STOP_WORDS.has(folded);
}

const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place']);
const VERB_TAGS = new Set([
  'PastTense',
  'PresentTense',
  'Infinitive',
  'Gerund',
  'Verb',
  'Copula',
  'Modal',
  'Auxiliary',
  'PhrasalVerb',
  'Participle',
]);
const NOUN_TAGS = new Set(['Singular', 'Plural', 'Noun', 'Uncountable', 'Actor']);

export type CueClass = 'speech' | 'thought' | 'appeal' | 'stance' | 'phrase';

export interface CueEntry {
  /** Words after the first one ("on" of "call on", "concern" of "express concern"). */
  rest: string[];
  cls: CueClass;
}

function inflect(lemma: string): string[] {
  const irregular = (cueData.irregular as Record<string, string[]>)[lemma];
  if (irregular) return [lemma, ...irregular];
  const forms = [lemma];
  if (/(s|sh|ch|x|z)$/.test(lemma)) forms.push(`${lemma}es`);
  else if (/[^aeiou]y$/.test(lemma)) forms.push(`${lemma.slice(0, -1)}ies`);
  else forms.push(`${lemma}s`);
  if (lemma.endsWith('e')) forms.push(`${lemma}d`, `${lemma.slice(0, -1)}ing`);
  else if (/[^aeiou]y$/.test(lemma)) forms.push(`${lemma.slice(0, -1)}ied`, `${lemma}ing`);
  else if (/^[^aeiou]*[aeiou][bdgmnpt]$/.test(lemma))
    forms.push(`${lemma}${lemma.at(-1)}ed`, `${lemma}${lemma.at(-1)}ing`);
  else forms.push(`${lemma}ed`, `${lemma}ing`);
  return forms;
}

/** First word of a cue (any inflection) → the cues starting with it, longest first. */
export const CUES = new Map<string, CueEntry[]>();

function addCue(phrase: string, cls: CueClass): void {
  const [head, ...rest] = phrase.split(' ');
  for (const form of inflect(head!)) {
    const entries = CUES.get(form) ?? [];
    if (!entries.some((entry) => entry.rest.join(' ') === rest.join(' '))) {
      entries.push({ rest, cls });
      entries.sort((a, b) => b.rest.length - a.rest.length);
    }
    CUES.set(form, entries);
  }
}
for (const cls of ['speech', 'thought', 'appeal', 'stance'] as const)
  for (const phrase of cueData[cls]) addCue(phrase, cls);

/** Forms of the speech cues that report speech only before a clause (`clauseOnly`). */
export const CLAUSE_ONLY_CUES = new Set(cueData.clauseOnly.flatMap(inflect));

export const CUE_PHRASES = cueData.phrases.map((phrase) => phrase.split(' '));

const lowerSet = (words: readonly string[]) => new Set(words.map((word) => word.toLowerCase()));

export const ROLE_WORDS = lowerSet(titleData.roleHeads);
export const ROLE_NOUNS = lowerSet(titleData.roleNouns);
/** Participles after which "by" names who runs a body ("a think tank run by Tony Blair"). */
export const RUN_BY = new Set(
  'run led founded headed owned chaired funded backed created established organised organized'.split(
    ' ',
  ),
);
export const HONORIFICS = lowerSet(titleData.honorifics);
export const MALE_HONORIFICS = lowerSet(titleData.maleHonorifics);
export const FEMALE_HONORIFICS = lowerSet(titleData.femaleHonorifics);
export const ORG_WORDS = lowerSet(titleData.orgWords);
export const ACRONYM_ORGS = new Set(titleData.acronymOrgs);
const EXTRA_PLACES = lowerSet(placeData.places);
export const DEMONYMS = lowerSet(placeData.demonyms);
/** Words that end a place's name ("Maui County", "Hood River"). */
export const PLACE_HEADS = lowerSet(placeData.heads);
/** Words that end the name of a law, agreement, plan or meeting ("Doha Agreement"). */
export const DOCUMENT_HEADS = lowerSet(titleData.documentHeads);

/** Function words and other words that never start a name even when capitalised. */
export const STOP_WORDS = new Set(
  (
    'a an the this that these those it its he she they we i you his her their our my your ' +
    'and or but nor so yet if then than as at by for from in into of on onto to with without ' +
    'after before during since until while when where why how what which who whom whose ' +
    'there here also not no yes all any some many much more most other such only just even ' +
    'both each every either neither one two three four five six seven eight nine ten ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow ' +
    'january february march april may june july august september october november december ' +
    'meanwhile however moreover still though although because despite about over under ' +
    'is are was were be been being has have had do does did will would can could should ' +
    'shall might must said says according mr mrs ms dr'
  ).split(' '),
);

/** Words that open a place's name ("Kiryat Shmona", "Kfar Aza"). */
const PLACE_OPENERS = lowerSet(placeData.openers);

export function isPlace(folded: string): boolean {
  if (EXTRA_PLACES.has(folded)) return true;
  const space = folded.indexOf(' ');
  if (space > 0 && PLACE_OPENERS.has(folded.slice(0, space))) return true;
  return tagsOf(folded).some((tag) => PLACE_TAGS.has(tag));
}

const EXTRA_ORGANISATIONS = lowerSet(titleData.organisations);

export function isOrganisationName(folded: string): boolean {
  return EXTRA_ORGANISATIONS.has(folded) || tagsOf(folded).includes('Organization');
}

export function isFirstName(folded: string): 'male' | 'female' | 'any' | null {
  const tags = tagsOf(folded);
  if (tags.includes('MaleName')) return 'male';
  if (tags.includes('FemaleName')) return 'female';
  if (tags.includes('FirstName')) return 'any';
  return null;
}

export function isLastName(folded: string): boolean {
  const tags = tagsOf(folded);
  return tags.includes('LastName') || tags.includes('Person');
}

/** A lowercase word that is (only) a verb, an adverb or a function word: it ends a noun phrase. */
export function isVerbLike(folded: string): boolean {
  const tags = tagsOf(folded);
  if (tags.length === 0) return false;
  return tags.some((tag) => VERB_TAGS.has(tag)) && !tags.some((tag) => NOUN_TAGS.has(tag));
}

/** A common English word (not a name), so a capital at the start of a sentence means nothing. */
export function isCommonWord(folded: string): boolean {
  if (STOP_WORDS.has(folded)) return true;
  const tags = tagsOf(folded);
  if (tags.length === 0) return false;
  return !tags.some(
    (tag) =>
      tag === 'ProperNoun' ||
      tag === 'Person' ||
      tag.endsWith('Name') ||
      PLACE_TAGS.has(tag) ||
      tag === 'Organization' ||
      tag === 'Demonym',
  );
}

export function isAdverb(folded: string): boolean {
  return tagsOf(folded).includes('Adverb');
}
