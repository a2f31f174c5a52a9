import type { Entity, EntityType, Span } from './analysis.ts';
import {
  ACRONYM_ORGS,
  CUES,
  DEMONYMS,
  DOCUMENT_HEADS,
  FEMALE_HONORIFICS,
  HONORIFICS,
  MALE_HONORIFICS,
  ORG_WORDS,
  PLACE_HEADS,
  ROLE_NOUNS,
  ROLE_WORDS,
  STOP_WORDS,
  isCommonWord,
  isFirstName,
  isLastName,
  isOrganisationName,
  isPlace,
  isUnknownWord,
} from './lexicon.ts';
import { fold, type Token } from './tokens.ts';
import { roleSpelling } from './people/roles.ts';

export type Gender = 'male' | 'female' | null;

/** An entity mention plus what coreference and the people registry need to know about it. */
export interface Mention extends Entity {
  /** Index of its first and one past its last token. */
  first: number;
  last: number;
  gender: Gender;
  /** Roles seen on this mention ("US Secretary of State", "the NSC spokesman"). */
  roles: string[];
}

/** A role seen next to a person's name, for the people registry. */
export interface RoleMention extends Span {
  name: string;
  role: string;
}

const NAME_JOINERS = new Set([
  'of',
  'for',
  'de',
  'da',
  'del',
  'van',
  'von',
  'der',
  'al',
  'bin',
  'ibn',
  'la',
  'le',
  'di',
]);
const ABBREVIATED_HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cmdr',
  'adm',
  'sgt',
  'cpl',
  'pvt',
  'rev',
  'hon',
  'pres',
  'amb',
  'fr',
  'msgr',
  'st',
]);
/** Words that open a place's name ("North Sinai", "Greater Manchester"), never a given name. */
const PLACE_OPENERS = new Set(
  'north south east west northern southern eastern western central upper lower new old greater'.split(
    ' ',
  ),
);
/**
 * Holidays and feasts, capitalised like names: "during the Muslim holiday of Eid al-Adha" names
 * no one. "Eid" and "Ramadan" are surnames too: an article that names Milad Eid in full still
 * gets "Eid said" as his (`resolveSurnames`).
 */
const OCCASIONS = new Set([
  'eid',
  'ramadan',
  'hanukkah',
  'passover',
  'purim',
  'ashura',
  'nowruz',
  'eid al-adha',
  'eid al-fitr',
  'yom kippur',
  'rosh hashanah',
  'simchat torah',
]);
/** A name opened by one of these is a saint's: "St Mary Redcliffe" is a church, not a person. */
const SAINT = new Set(['st', 'saint']);
const LOCATIVES = new Set(['in', 'at', 'near']);
const PLACE_PREPOSITIONS = new Set([
  'in',
  'at',
  'near',
  'from',
  'to',
  'into',
  'across',
  'outside',
  'toward',
  'towards',
]);
/**
 * Words that make a name a feature of the land or sea: before it ("River Jordan", "Mount
 * Hermon") or after it ("Red Sea", "Golan Heights"). "River" and "Jordan" are each a first name
 * too, so without these "River Jordan" was taken for a person.
 */
const FEATURE_BEFORE = new Set(['river', 'lake', 'mount', 'gulf', 'strait', 'cape']);
const FEATURE_AFTER = new Set([
  'river',
  'sea',
  'gulf',
  'strait',
  'valley',
  'desert',
  'canal',
  'peninsula',
  'heights',
  'ocean',
  'mountains',
  'island',
  'islands',
]);
/**
 * Lower-case nouns that make the full name just before them an organisation's or a work's, not
 * a person's: "the Israel Hayom newspaper", "BBC Arabic's Gaza Lifeline radio programme", "the
 * Abandon Biden campaign". Read as people, they became speakers of what the paper reported or of
 * what a nearby "she" said. Buildings are `FACILITIES`.
 */
const ORGANISATION_NOUNS = new Set(
  (
    'newspaper paper daily radio programme program podcast channel network magazine website ' +
    'campaign movement foundation charity institute agency brigades'
  ).split(' '),
);
const ROLE_LINKS = new Set(['of', 'for', 'the', "'s", 'on', '-']);
/** Role words that are also verbs taking a person: "host", "press", "chair", "head". */
const VERB_ROLE_WORDS = new Set(['host', 'press', 'chair', 'head']);
/**
 * "First Minister Humza Yousaf", "First Deputy Prime Minister": an ordinal that is part of a
 * title, taken only right before a role word, so "the first minister to visit" stays out.
 */
const TITLE_ORDINALS = new Set(['first']);
const FORMS_OF_ADDRESS = new Set([
  'lord',
  'lady',
  'sir',
  'dame',
  'mr',
  'mrs',
  'ms',
  'miss',
  'messrs',
  'dr',
  'sheikh',
  'sheikha',
  '.',
]);
const APPOSITIVE_STARTS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its']);

const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}./]+$/u;
const isAcronym = (token: Token) =>
  ACRONYM.test(token.text) && token.text.replace(/\./g, '').length >= 2;

/** "I’ll", "We’ve", "That’s": a capital at a sentence start, never a name. */
const CONTRACTION =
  /^(?:(?:i|you|we|they|he|she|it|that|there|here|who|what|where|when|why|how|let|this)['’](?:ll|re|ve|d|m|s)|\p{L}+n['’]t)$/u;

/** "al-Dahdouh", "el-Sisi", "bin-Salman": a surname after a lower-case article, inside a name. */
const PARTICLE_SURNAME = /^(?:al|el|ad|ar|as|at|az|an|ash|bin|ibn|abu)-\p{Lu}/u;

/**
 * "EU-facilitated", "Russian-backed", "Nineteen-year-old": a capital before a hyphenated
 * adjective, not a name.
 */
const HYPHENATED_ADJECTIVE = /^\p{Lu}[\p{L}.]*(?:-\p{Ll}+)+$/u;

function isNameWord(token: Token): boolean {
  if (token.kind !== 'word' || !token.cap) return false;
  const text = token.text;
  if (text.includes('-') && HYPHENATED_ADJECTIVE.test(text)) return false;
  return !((text.includes('’') || text.includes("'")) && CONTRACTION.test(token.lower));
}

/** A name word that is no title, office, place word or acronym ("Minister", "Secretary", "US"). */
const isPersonalName = (token: Token) => isNameWord(token) && !isTitleWord(token);

/**
 * A transcript's correction of a misspoken or misheard surname: "Karine Johnson [Jean-Pierre]"
 * is Karine Jean-Pierre. The surname before the brackets and the brackets leave the tokens that
 * names are read from (a quote keeps the text as written), so the name reads as corrected and
 * "Mayor Johnson" later in the transcript is not taken for her. Only a surname after a given
 * name is replaced, by a name: a bracket after a single capitalised word ("He [Netanyahu]") says
 * whom it means, and "Prime Minister [President] Marcos" corrects an office.
 */
export function withCorrectedSurnames(tokens: Token[]): Token[] {
  const dropped = new Set<number>();
  for (let open = 2; open < tokens.length; open++) {
    if (tokens[open]!.text !== '[') continue;
    const surname = tokens[open - 1]!;
    if (!isPersonalName(surname) || !isPersonalName(tokens[open - 2]!)) continue;
    let close = open + 1;
    while (close < tokens.length && close - open <= 3 && isPersonalName(tokens[close]!)) close++;
    if (close === open + 1 || tokens[close]?.text !== ']') continue;
    for (const index of [open - 1, open, close]) dropped.add(index);
  }
  return dropped.size === 0 ? tokens : tokens.filter((_, index) => !dropped.has(index));
}

/**
 * A capitalised word that reads as a verb form or an adverb ("Countering", "Suddenly") or as a
 * plural of a common noun ("Shoppers", "Residents", "Zers" of "Gen Zers": any stem before "-ers")
 * unless the lexicon knows it as a name.
 */
const COMMON_SUFFIX =
  /^(?:\p{L}{3,}(?:ing|ly|ors|ants|ents|ists|ees|ism|tion|sion|ment|ness|ity|ional|ical|ative|ous|ful|less)|\p{L}+ers)$/u;

/** Plural endings of common nouns that no surname has ("Eyewitnesses", "Videos", "Images"). */
const COMMON_PLURAL = /(?:nesses|eos|ages|ions|ities)$/u;

/**
 * Endings of abstract nouns ("revitalization", "management", "preparedness", "diversity") that
 * few names have; "-ing" ("Jinping"), "-ers" ("Wilders") and "-ence" ("Lawrence") are left out,
 * and a word the name lists hold is a name whatever its ending.
 */
const ABSTRACT_NOUN =
  /^(?:\p{L}{3,}(?:tion|sion|ness|ism|ship|ology)|\p{L}{5,}ment|\p{L}{4,}ity)$/u;

/** A word run into the next ("IbrahimVerification") is left to `unglue`, which parts it. */
const GLUED_WORDS = /\p{Ll}\p{Lu}/u;

function looksAbstract(word: Token): boolean {
  return (
    ABSTRACT_NOUN.test(word.lower) &&
    !GLUED_WORDS.test(word.text) &&
    !isFirstName(word.lower) &&
    !isLastName(word.lower)
  );
}

function looksCommon(folded: string): boolean {
  const shaped =
    COMMON_SUFFIX.test(folded) || (folded.endsWith('s') && isCommonWord(folded.slice(0, -1)));
  return shaped && !isFirstName(folded) && !isLastName(folded);
}

/**
 * Finds people, organisations and places: runs of capitalised words split into a title part
 * ("Kosovo Prime Minister") and a name part ("Albin Kurti"), typed from gazetteers and context,
 * then surnames and "Mr. X" resolved to the article's full names.
 */
/**
 * The longest run of capitalised words read as one name ("Kosovo Force Commander Major General
 * Angelo Michele Ristuccia" is 8). Longer runs (headlines in capitals, lists, hostile text) are
 * cut into pieces, which keeps every mention short and the classification of runs linear.
 */
const MAX_RUN_WORDS = 12;

export function findEntities(
  tokens: readonly Token[],
  sentenceStarts: ReadonlySet<number>,
): Mention[] {
  const mentions: Mention[] = [];
  const unread: number[] = [];
  const given: number[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (!isNameWord(token)) {
      i++;
      continue;
    }
    let j = i;
    const words: number[] = [];
    while (j < tokens.length && words.length < MAX_RUN_WORDS) {
      const current = tokens[j]!;
      // A heading or list item ends where the next begins: "... Economic Advisor" then
      // "Tom Perez, ..." are two lines, not one name with a title.
      if (words.length > 0 && sentenceStarts.has(current.start)) break;
      if (isNameWord(current) || (words.length > 0 && PARTICLE_SURNAME.test(current.text))) {
        words.push(j);
        j++;
        if (
          (ABBREVIATED_HONORIFICS.has(current.lower) ||
            (words.length > 1 && current.text.length === 1 && /^\p{Lu}$/u.test(current.text))) &&
          tokens[j]?.text === '.' &&
          tokens[j]!.start === current.end &&
          tokens[j + 1] &&
          isNameWord(tokens[j + 1]!)
        )
          j++;
        continue;
      }
      if (
        current.kind === 'word' &&
        NAME_JOINERS.has(current.lower) &&
        words.length > 0 &&
        tokens[j + 1] &&
        isNameWord(tokens[j + 1]!)
      ) {
        j++;
        continue;
      }
      break;
    }
    const before = mentions.length;
    classifyRun(tokens, words, sentenceStarts, mentions);
    if (mentions.length === before && words.length === 2 && words[1] === words[0]! + 1)
      unread.push(words[0]!);
    if (mentions.length === before && words.length === 1) given.push(words[0]!);
    i = Math.max(j, i + 1);
  }
  if (unread.length > 0) withKnownSurnames(tokens, unread, sentenceStarts, mentions);
  if (given.length > 0) withKnownGivenNames(tokens, given, mentions);
  unglue(tokens, mentions);
  oneThingPerName(tokens, mentions);
  dropVessels(tokens, mentions);
  resolveSurnames(tokens, mentions, sentenceStarts);
  return mentions;
}

/**
 * A word run into the next without a space: "PalestinianJacob", "IbrahimVerification",
 * "American-CanadianJohn"; never a hyphenated name ("Elkayam-Levy").
 */
const GLUED = /^(\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*)(\p{Lu}\p{Ll}+)$/u;
/** Words of a web page's furniture that a text copy runs into the name before them. */
const PAGE_WORDS = new Set(['verification', 'update', 'listen', 'watch', 'live', 'related']);

/**
 * A text copy of a web page runs a caption, heading or byline into the next words: "British
 * Palestinian" + "Jacob Flickinger" became "PalestinianJacob Flickinger", and "Soha Ibrahim" +
 * "Verification" became "Soha IbrahimVerification". A person's name starts after a glued
 * common word or nationality when a known given name follows it, and ends before a glued common
 * word or page word. "McGurk", "DeSantis" and "LaTosha" hold no glue: their first part is
 * shorter than three letters.
 */
function unglue(tokens: readonly Token[], mentions: Mention[]): void {
  for (const mention of mentions) {
    if (mention.type !== 'PERSON' || mention.last - mention.first < 2) continue;
    const opening = GLUED.exec(tokens[mention.first]!.text);
    if (opening && opening[1]!.length >= 3) {
      const [, before, name] = opening;
      const nationality = fold(before!)
        .split('-')
        .every((part) => DEMONYMS.has(part));
      if ((nationality || isCommonWord(fold(before!))) && isFirstName(fold(name!))) {
        mention.start += before!.length;
        mention.text = mention.text.slice(before!.length);
        if (mention.canonical.startsWith(before!))
          mention.canonical = mention.canonical.slice(before!.length);
      }
    }
    // Only at the name's end: in "Ellis SmithLiberal Democrats" the words after the glue are
    // another name, which cutting would leave to be read as a person of its own.
    const token = tokens[mention.last - 1]!;
    const closing = GLUED.exec(token.text);
    const after = closing && fold(closing[2]!);
    if (
      closing &&
      closing[1]!.length >= 3 &&
      after &&
      (isCommonWord(after) || PAGE_WORDS.has(after))
    ) {
      const cut = (text: string) =>
        text.endsWith(token.text) ? text.slice(0, -closing[2]!.length) : text;
      mention.end = token.start + closing[1]!.length;
      mention.text = cut(mention.text);
      mention.canonical = cut(mention.canonical);
    }
  }
}

/** Prefixes of a ship's name ("USS Carney", "M/V Gibraltar Eagle": "M", "/", "V"). */
const VESSEL_PREFIXES = new Set(['mv', 'mt', 'uss', 'hms', 'ins', 'rfa', 'v']);
/** Nouns that a ship's name follows ("the vessel, Gibraltar Eagle,", "the tanker Marlin Luanda"). */
const VESSEL_NOUNS = new Set(
  'vessel ship tanker freighter carrier destroyer frigate cruiser warship boat yacht'.split(' '),
);

/**
 * Ships are no people: a name the article writes after a ship's prefix or noun ("M/V Gibraltar
 * Eagle", "The vessel, Gibraltar Eagle,") is dropped as a person wherever it stands, so that
 * "the Gibraltar Eagle was hit" gives no key actor.
 */
function dropVessels(tokens: readonly Token[], mentions: Mention[]): void {
  const shipName = (mention: Mention) => mention.text.replace(/^V\s+/, '');
  const vessels = new Set<string>();
  for (const mention of mentions) {
    if (mention.type !== 'PERSON') continue;
    const first = tokens[mention.first]!;
    let before = mention.first - 1;
    if (tokens[before]?.text === ',') before--;
    const prefixed =
      (first.text === 'V' && tokens[mention.first - 1]?.text === '/') ||
      (tokens[mention.first - 1]?.cap && VESSEL_PREFIXES.has(tokens[mention.first - 1]!.lower));
    if (prefixed || VESSEL_NOUNS.has(tokens[before]?.lower ?? '')) vessels.add(shipName(mention));
  }
  if (vessels.size === 0) return;
  let kept = 0;
  for (const mention of mentions)
    if (mention.type !== 'PERSON' || !vessels.has(shipName(mention))) mentions[kept++] = mention;
  mentions.length = kept;
}

/**
 * "the Kamal Adwan hospital ... Kamal Adwan's intensive care unit", "BBC Arabic's Gaza Lifeline
 * radio programme ... told Gaza Lifeline": a name of two words or more that the article once
 * puts before a building's or an organisation's noun (`FACILITIES`, `ORGANISATION_NOUNS`) is
 * that place or organisation wherever it stands alone, unless the article also puts a title or
 * a role to it or calls it by its last word alone ("the former President, Donald Trump, told
 * them", "the Trump camp", then "the Donald Trump campaign"). Read as a person, it took the
 * "she" of the doctor quoted before it.
 */
function oneThingPerName(tokens: readonly Token[], mentions: Mention[]): void {
  const things = new Map<string, EntityType>();
  for (const mention of mentions) {
    const noun = tokens[mention.last];
    if (
      mention.type !== 'PERSON' &&
      mention.text.includes(' ') &&
      noun?.cap === false &&
      (FACILITIES.has(noun.lower) || ORGANISATION_NOUNS.has(noun.lower))
    )
      things.set(mention.text.toLowerCase(), mention.type);
  }
  if (things.size === 0) return;
  const people = mentions.filter(
    (mention) => mention.type === 'PERSON' && things.has(mention.text.toLowerCase()),
  );
  /** Whether the name's last word stands somewhere without the word before it ("the Trump camp"). */
  const calledBySurname = (mention: Mention) => {
    const last = tokens[mention.last - 1]!.lower;
    const before = tokens[mention.last - 2]!.lower;
    return tokens.some(
      (token, index) => token.cap && token.lower === last && tokens[index - 1]?.lower !== before,
    );
  };
  const someone = new Set(
    people
      .filter((mention) => {
        const previous = tokens[mention.first - 1];
        return (
          mention.roles.length > 0 ||
          followsHonorific(tokens, mention.first) ||
          (previous?.cap === true && isTitleWord(previous)) ||
          calledBySurname(mention)
        );
      })
      .map((mention) => mention.text.toLowerCase()),
  );
  for (const mention of people) {
    if (someone.has(mention.text.toLowerCase())) continue;
    mention.type = things.get(mention.text.toLowerCase())!;
    mention.gender = null;
  }
}

/** Words for relatives, with the gender each gives the person named after it. */
const KIN_GENDER = new Map<string, Gender>([
  ...'father brother son husband uncle nephew grandfather grandson'
    .split(' ')
    .map((word) => [word, 'male'] as const),
  ...'mother sister daughter wife aunt niece grandmother granddaughter'
    .split(' ')
    .map((word) => [word, 'female'] as const),
  ['cousin', null],
]);
/** "his father Jonathan" may be someone else of the article's names. */
const KIN = new Set(KIN_GENDER.keys());

/**
 * "Tala explains ...", "Or's brother, Michael, has come back": a given name alone makes no name
 * on its own, but when one full name of the article opens with it ("Michael Levy", earlier or
 * later), it is that person, and a "he" after it is his. A relative named by a given name ("his
 * father Jonathan") is that person only when the family last named in full has their surname:
 * a roundup of hostages names many Jonathans. `given` holds the one-word runs that named nothing.
 */
function withKnownGivenNames(
  tokens: readonly Token[],
  given: readonly number[],
  mentions: Mention[],
): void {
  const opening = new Map<string, Mention | null>();
  for (const mention of mentions)
    if (mention.type === 'PERSON' && mention.last - mention.first >= 2) {
      const first = tokens[mention.first]!.lower;
      const known = opening.get(first);
      // Two full names that open with it ("Meir Jan", "Yossi Jan") would make it a guess.
      opening.set(first, known === undefined || known?.text === mention.text ? mention : null);
    }
  const surname = (mention: Mention) => tokens[mention.last - 1]!.lower;
  let added = false;
  for (const at of given) {
    const word = tokens[at]!.lower;
    const full = opening.get(word);
    if (!full || !isFirstName(word) || isPlace(word) || STOP_WORDS.has(word)) continue;
    let before = at - 1;
    if (tokens[before]?.text === ',') before--;
    if (KIN.has(tokens[before]?.lower ?? '')) {
      const family = mentions.findLast(
        (mention) =>
          mention.type === 'PERSON' &&
          mention.last - mention.first >= 2 &&
          mention.end <= tokens[at]!.start,
      );
      if (!family || surname(family) !== surname(full)) continue;
    }
    push(mentions, tokens, at, at + 1, 'PERSON');
    added = true;
  }
  if (added) mentions.sort((a, b) => a.start - b.start);
}

/**
 * "Leo Varadkar said", "Avichai Stern": a given name the lexicon knows only as a common word
 * ("Leo", "Robin"), or not at all, beside a surname makes no name on its own. When the article
 * names the surname as a person elsewhere ("Mr Varadkar", "Mayor Stern said"), and one of the two
 * words is foreign to the lexicon ("Team Biden" has none), the two words are a full name.
 * `unread` holds the first words of two-word runs that named nothing.
 */
function withKnownSurnames(
  tokens: readonly Token[],
  unread: readonly number[],
  sentenceStarts: ReadonlySet<number>,
  mentions: Mention[],
): void {
  const people = mentions.filter((mention) => mention.type === 'PERSON');
  const surnames = new Set(people.map((mention) => tokens[mention.last - 1]!.lower));
  // "El Ghazi" after "Anwar El Ghazi": the end of a full name already read is no second name.
  const tails = new Set(
    people
      .filter((mention) => mention.last - mention.first > 2)
      .map((mention) => foldedWords(tokens, [mention.last - 2, mention.last - 1])),
  );
  let added = false;
  for (const first of unread) {
    const given = tokens[first]!;
    const surname = tokens[first + 1]!.lower;
    if (!surnames.has(surname)) continue;
    // A capital at a sentence start says nothing ("Now Wichian"), and "Downing Street" is a
    // place whatever the article calls "Street".
    if (isInitial(tokens, first, sentenceStarts)) continue;
    if (STOP_WORDS.has(given.lower) || isTitleWord(given) || isPlace(given.lower)) continue;
    if (PLACE_OPENERS.has(given.lower) || looksCommon(given.lower)) continue;
    if (FEATURE_AFTER.has(surname) || PLACE_HEADS.has(surname) || DOCUMENT_HEADS.has(surname))
      continue;
    if (!isUnknownWord(given.lower) && !isUnknownWord(surname)) continue;
    if ((isPlace(surname) && !isLastName(surname)) || tails.has(`${given.lower} ${surname}`))
      continue;
    push(mentions, tokens, first, first + 2, 'PERSON');
    added = true;
  }
  if (added) mentions.sort((a, b) => a.start - b.start);
}

function isInitial(
  tokens: readonly Token[],
  index: number,
  sentenceStarts: ReadonlySet<number>,
): boolean {
  const token = tokens[index]!;
  if (sentenceStarts.has(token.start)) return true;
  const previous = tokens[index - 1];
  return (
    !!previous &&
    (previous.kind === 'quote' ||
      previous.text === '(' ||
      previous.text === '—' ||
      previous.text === ':') &&
    (sentenceStarts.has(previous.start) || previous.text === ':' || previous.text === '—')
  );
}

/** "Serbs", "Armenians": a people, not a person. */
function isGroupWord(folded: string): boolean {
  return folded.endsWith('s') && DEMONYMS.has(folded.slice(0, -1));
}

/**
 * Honours written after a British name ("Karim Khan KC"). Not "MP": "the Bournemouth East MP"
 * is a role that names a person already met.
 */
const POST_NOMINALS = new Set(['KC', 'QC', 'OBE', 'CBE', 'MBE', 'KBE', 'DBE']);

/**
 * Buildings named after people. Not "camp": "the Biden camp" is his campaign, and a refugee
 * camp's name is a place already.
 */
const FACILITIES = new Set([
  'hospital',
  'clinic',
  'mosque',
  'church',
  'synagogue',
  'school',
  'university',
  'prison',
  'airport',
  'stadium',
]);

/** Forms of address that only ever come before a surname. */
const ADDRESS_FORMS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr']);

/**
 * "Mr Sheikh", "John Major": a title word that ends a run after a form of address or a given
 * name is the surname, not a title ("Sheikh Tamim", "Major General" stay titles).
 */
function titleAsSurname(tokens: readonly Token[], words: readonly number[]): boolean {
  if (words.length < 2) return false;
  const last = tokens[words.at(-1)!]!;
  if (!HONORIFICS.has(last.lower)) return false;
  const before = tokens[words.at(-2)!]!.lower;
  const given = isFirstName(before);
  return ADDRESS_FORMS.has(before) || given === 'male' || given === 'female';
}

/**
 * Acronyms of two letters that the word lists hold in lower case (roles, demonyms): "UN" and
 * "US" are titles only in capitals, since "Un" ends "Kim Jong Un" and "Us" opens a sentence.
 */
const CAPITALS_ONLY = new Set(['un', 'us', 'uk', 'eu']);

/** A word that spells one of `CAPITALS_ONLY` in other than capitals. */
const notTheAcronym = (token: Token): boolean =>
  CAPITALS_ONLY.has(token.lower) && token.text !== token.text.toUpperCase();

function isTitleWord(token: Token): boolean {
  if (notTheAcronym(token)) return false;
  return (
    ROLE_WORDS.has(token.lower) ||
    isOrganisationName(token.lower) ||
    HONORIFICS.has(token.lower) ||
    DEMONYMS.has(token.lower) ||
    ORG_WORDS.has(token.lower) ||
    ACRONYM_ORGS.has(token.text) ||
    isAcronym(token)
  );
}

function push(
  mentions: Mention[],
  tokens: readonly Token[],
  first: number,
  last: number,
  type: EntityType,
  gender: Gender = null,
): Mention {
  const start = tokens[first]!.start;
  const end = tokens[last - 1]!.end;
  const text = spanText(tokens, first, last);
  const mention: Mention = {
    text,
    type,
    start,
    end,
    canonical: text,
    first,
    last,
    gender,
    roles: [],
  };
  mentions.push(mention);
  return mention;
}

function classifyRun(
  tokens: readonly Token[],
  run: number[],
  sentenceStarts: ReadonlySet<number>,
  mentions: Mention[],
): void {
  let words = run;
  // "Kamal Adwan hospital", "Al-Aqsa mosque": a name before a building's common noun is the
  // building's, a place.
  const after = tokens[run.at(-1)! + 1];
  if (after && !after.cap && FACILITIES.has(after.lower)) {
    push(mentions, tokens, run[0]!, run.at(-1)! + 1, 'PLACE');
    return;
  }
  // "St Mary Redcliffe", "St Jude's": a saint's name names a church, hospital or town.
  if (run.length > 1 && SAINT.has(tokens[run[0]!]!.lower)) {
    push(mentions, tokens, run[0]!, run.at(-1)! + 1, 'PLACE');
    return;
  }
  // "Chief Prosecutor Karim Khan KC": letters after a name are neither name nor title.
  while (words.length > 1 && POST_NOMINALS.has(tokens[words.at(-1)!]!.text))
    words = words.slice(0, -1);
  while (words.length > 0) {
    const head = tokens[words[0]!]!;
    const next = words[1] === undefined ? undefined : tokens[words[1]]!;
    // "Bill Clinton said" at the start of a sentence: a common word before a known surname.
    const firstName = next !== undefined && !STOP_WORDS.has(head.lower) && isLastName(next.lower);
    const dropInitial =
      (isInitial(tokens, words[0]!, sentenceStarts) && isCommonWord(head.lower) && !firstName) ||
      (words.length > 1 && looksCommon(head.lower));
    if (!dropInitial && !STOP_WORDS.has(head.lower)) break;
    if (HONORIFICS.has(head.lower) && words.length > 1) break;
    // "Al Jazeera said", "United Nations Secretary General ..." at a sentence start: the
    // common word opens a known name.
    if (
      words.length > 1 &&
      !STOP_WORDS.has(head.lower) &&
      (isKnownName(foldedWords(tokens, words.slice(0, 2))) ||
        isKnownName(foldedWords(tokens, words)))
    )
      break;
    words = words.slice(1);
  }
  if (words.length === 0) return;
  if (splitAtOf(tokens, words, sentenceStarts, mentions)) return;
  const first = words[0]!;
  const last = words.at(-1)! + 1;
  const folded = foldedWords(tokens, words);
  if (OCCASIONS.has(folded) || OCCASIONS.has(`${folded} ${tokens[last]?.lower ?? ''}`)) return;
  if (isPlace(folded) && !(words.length === 1 && followsHonorific(tokens, first))) {
    push(mentions, tokens, first, last, 'PLACE');
    return;
  }
  if (isOrganisationName(folded) || (words.length === 1 && ACRONYM_ORGS.has(tokens[first]!.text))) {
    push(mentions, tokens, first, last, 'ORG');
    return;
  }
  // The name is the longest tail of words that are not titles, organisation words or places.
  let split = words.length;
  while (split > 0) {
    const token = tokens[words[split - 1]!]!;
    if (split === words.length && titleAsSurname(tokens, words)) {
      split--;
      continue;
    }
    if (isTitleWord(token) || STOP_WORDS.has(token.lower) || isGroupWord(token.lower)) break;
    // "Western Balkans Gabriel Escobar", but "Milan Radoičić" (Milan is also a city).
    if (split < words.length - 1 && isPlace(token.lower)) break;
    split--;
  }
  // "Southern District of New York": a title word ("New") that opens a place with the words
  // after it belongs to the place, and the words before are a run of their own...
  // "University of California San Diego", "Palestine Islamic Jihad": so do a place or an
  // organisation of two words or more after the title words.
  // A name part that opens with a given name ("President Joe Biden") or is one surname
  // ("President Biden") is a person's: no lookup.
  const opening = split < words.length ? tokens[words[split]!]!.lower : '';
  const personal =
    isFirstName(opening) !== null || (words.length - split === 1 && isLastName(opening));
  const lastStart = words.length - split >= 2 ? split : split - 1;
  for (let k = Math.max(0, split - 2); !personal && k <= lastStart && split < words.length; k++) {
    const phrase = foldedWords(tokens, words.slice(k));
    const type = isPlace(phrase) ? 'PLACE' : isOrganisationName(phrase) ? 'ORG' : null;
    if (!type) continue;
    if (k > 0) classifyRun(tokens, words.slice(0, k), sentenceStarts, mentions);
    push(mentions, tokens, words[k]!, last, type);
    return;
  }
  let nameWords = words.slice(split);
  let titleWords = words.slice(0, split);
  // "NSC Coordinator for Strategic Communications John Kirby": the name starts at the first
  // name when the words before it are no one's name.
  const given =
    nameWords.length < 3
      ? -1
      : nameWords.findIndex(
          (index, k) => k > 0 && k >= nameWords.length - 3 && isFirstName(tokens[index]!.lower),
        );
  // "Dr Samia Abdel Jalil": right after a form of address, the name has begun ("Miss Universe
  // Alicia Machado" has not).
  if (
    given > 0 &&
    (!followsHonorific(tokens, nameWords[0]!) || tokens[nameWords[0]! - 1]!.lower === 'miss') &&
    nameWords
      .slice(0, given)
      .every((index) => !isFirstName(tokens[index]!.lower) && !isLastName(tokens[index]!.lower))
  ) {
    titleWords = [...titleWords, ...nameWords.slice(0, given)];
    nameWords = nameWords.slice(given);
  }
  // "Benjamin Netanyahu Benjamin Netanyahu": a name written twice is two mentions.
  const half = nameWords.length / 2;
  if (
    half >= 1 &&
    Number.isInteger(half) &&
    tokens[nameWords[0]!]!.lower === tokens[nameWords[half]!]!.lower &&
    nameWords
      .slice(0, half)
      .every((index, k) => tokens[index]!.lower === tokens[nameWords[half + k]!]!.lower)
  ) {
    classifyRun(tokens, nameWords.slice(half), sentenceStarts, mentions);
    nameWords = nameWords.slice(0, half);
  }
  // "Netanyahu of Israel", "Benjamin Netanyahu America": a place after a name is not the name.
  const trailingPlaces: number[] = [];
  while (nameWords.length > 1) {
    const last = nameWords.at(-1)!;
    const word = tokens[last]!.lower;
    const joined = NAME_JOINERS.has(tokens[last - 1]!.lower);
    if (!isPlace(word) || (!joined && (isLastName(word) || nameWords.length < 3))) break;
    trailingPlaces.unshift(last);
    nameWords = nameWords.slice(0, -1);
  }
  for (const place of trailingPlaces) push(mentions, tokens, place, place + 1, 'PLACE');
  // "Al Jazeera Gaza bureau chief": what is left before the place may be an organisation.
  if (
    trailingPlaces.length > 0 &&
    nameWords.length > 1 &&
    isOrganisationName(foldedWords(tokens, nameWords))
  ) {
    push(mentions, tokens, nameWords[0]!, nameWords.at(-1)! + 1, 'ORG');
    return;
  }
  // "Institute for Policy Integrity", "Ministry of Defence": a joined phrase is one name.
  if (
    nameWords.length > 0 &&
    titleWords.length > 0 &&
    NAME_JOINERS.has(tokens[nameWords[0]! - 1]?.lower ?? '')
  )
    nameWords = [];
  if (nameWords.length === 0) {
    if (
      titleWords.some((index) => ORG_WORDS.has(tokens[index]!.lower) || isAcronym(tokens[index]!))
    )
      push(mentions, tokens, first, last, 'ORG');
    return;
  }
  // "Doha Agreement", "Emmett Till Antilynching Act", "Maui County": a law, a plan or a place
  // named after someone or something is not a person ("Jude Law" still is).
  const head = tokens[nameWords.at(-1)!]!.lower;
  const headed = nameWords.length > 1 && (DOCUMENT_HEADS.has(head) || PLACE_HEADS.has(head));
  // "Jude Law" is a person, but no one is called "Accords" ("Abraham Accords").
  const named =
    headed &&
    (nameWords.length >= 3 || !isFirstName(tokens[nameWords[0]!]!.lower) || head.endsWith('s'));
  if (named && DOCUMENT_HEADS.has(head)) return;
  if (named && PLACE_HEADS.has(head)) {
    push(mentions, tokens, nameWords[0]!, nameWords.at(-1)! + 1, 'PLACE');
    return;
  }
  const nameFirst = nameWords[0]!;
  const nameLast = nameWords.at(-1)! + 1;
  const titled =
    titleWords.some(
      (index) => HONORIFICS.has(tokens[index]!.lower) || ROLE_NOUNS.has(tokens[index]!.lower),
    ) || followsHonorific(tokens, nameFirst);
  // A surname alone stays a person: "the Biden campaign" still speaks of him.
  const following = tokens[nameLast];
  if (
    !titled &&
    nameLast - nameFirst > 1 &&
    following?.kind === 'word' &&
    !following.cap &&
    ORGANISATION_NOUNS.has(following.lower)
  ) {
    push(mentions, tokens, nameFirst, nameLast, 'ORG');
    return;
  }
  for (const index of titleWords) {
    const token = tokens[index]!;
    if (ACRONYM_ORGS.has(token.text)) push(mentions, tokens, index, index + 1, 'ORG');
    else if (isPlace(token.lower) && !DEMONYMS.has(token.lower))
      push(mentions, tokens, index, index + 1, 'PLACE');
  }
  // "Eyewitnesses said", "Videos show": a plural opening a sentence is a common noun the
  // lexicon does not list, not a surname ("Jones" and "Harris" are listed ones).
  if (nameLast - nameFirst === 1 && !titled && isInitial(tokens, nameFirst, sentenceStarts)) {
    const word = tokens[nameFirst]!.lower;
    if (COMMON_PLURAL.test(word) && !isLastName(word) && !isFirstName(word)) return;
  }
  const type = typeOfName(tokens, nameFirst, nameLast, titled);
  if (!type) return;
  const mention = push(
    mentions,
    tokens,
    nameFirst,
    nameLast,
    type,
    genderOf(tokens, nameFirst, titleWords),
  );
  if (type === 'PERSON') {
    const role =
      preModifierRole(tokens, nameFirst, sentenceStarts, first) ??
      appositiveRole(tokens, nameLast, sentenceStarts);
    if (role) mention.roles.push(roleSpelling(role));
  }
}

/**
 * "Scott Paul of Oxfam", "Rosa Delgado of Amnesty International": a full name (a given name
 * first, no title or place in it), "of", then more capitalised words are two runs: the person
 * and where they work. Read as one, an organisation made every word before it a title and the
 * person was lost, or the organisation became part of the name. "Bank of America" and "Queen of
 * Scots" do not start with a full name.
 */
function splitAtOf(
  tokens: readonly Token[],
  words: readonly number[],
  sentenceStarts: ReadonlySet<number>,
  mentions: Mention[],
): boolean {
  if (words.length < 3) return false;
  const at = words.findIndex((index, k) => k > 1 && tokens[index - 1]!.lower === 'of');
  if (at < 0) return false;
  const before = words.slice(0, at);
  const after = words.slice(at);
  // "Khamis al-Burdainy of Gaza City": a surname with its Arabic article names a person too,
  // when a known place follows.
  const person =
    isFirstName(tokens[words[0]!]!.lower) ||
    (before.some((index) => ARABIC_SURNAME.test(tokens[index]!.text)) &&
      (isPlace(foldedWords(tokens, after)) || isPlace(tokens[after[0]!]!.lower)));
  if (!person) return false;
  if (before.some((index) => isTitleWord(tokens[index]!) || isPlace(tokens[index]!.lower)))
    return false;
  classifyRun(tokens, before, sentenceStarts, mentions);
  classifyRun(tokens, after, sentenceStarts, mentions);
  return true;
}

const isKnownName = (folded: string) => isPlace(folded) || isOrganisationName(folded);
/** A surname written with its Arabic article: "al-Burdainy", "el-Sisi". */
const ARABIC_SURNAME = /^(?:al|el)-\p{Lu}/u;

/** The folded words from the first to the last of `words`, joiners included ("bay of bengal"). */
function foldedWords(tokens: readonly Token[], words: readonly number[]): string {
  return tokens
    .slice(words[0]!, words.at(-1)! + 1)
    .filter((token) => token.kind === 'word')
    .map((token) => token.lower)
    .join(' ');
}

function followsHonorific(tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  if (!previous) return false;
  if (previous.text === '.') return ABBREVIATED_HONORIFICS.has(tokens[index - 2]?.lower ?? '');
  return HONORIFICS.has(previous.lower) && previous.cap;
}

function typeOfName(
  tokens: readonly Token[],
  first: number,
  last: number,
  titled: boolean,
): EntityType | null {
  const words = tokens.slice(first, last).filter((token) => token.kind === 'word');
  // "U. S.": initials alone name no one.
  if (words.every((word) => word.text.length === 1)) return null;
  // "Executive Order": a common word after a title that is not a form of address.
  if (
    titled &&
    words.length === 1 &&
    isCommonWord(words[0]!.lower) &&
    !isLastName(words[0]!.lower) &&
    !followsHonorific(tokens, first)
  )
    return null;
  if (words.length === 1 && !isFirstName(words[0]!.lower) && !isLastName(words[0]!.lower)) {
    // "the President Mexico —", "Mission Germany", "BBC Gaza report": a title or an
    // organisation before a country or city the lexicon does not know as a name makes no
    // person of it.
    if (isPlace(words[0]!.lower)) return 'PLACE';
    // "Environmental Justice Leaders", "Gen Zers": a title word before a plural noun.
    if (titled && looksCommon(words[0]!.lower)) return null;
  }
  if (titled) return 'PERSON';
  // "Palestinians said", "Jewish Israelis", "Dozens of Palestinians": a people, not a person.
  const lastWord = words.at(-1)!.lower;
  if (
    isGroupWord(lastWord) ||
    (DEMONYMS.has(lastWord) && !isLastName(lastWord) && !notTheAcronym(words.at(-1)!))
  )
    return null;
  if (words.length >= 2) {
    if (words.every((word) => isPlace(word.lower))) return 'PLACE';
    if (FEATURE_BEFORE.has(words[0]!.lower) || FEATURE_AFTER.has(words.at(-1)!.lower))
      return 'PLACE';
    if (isFirstName(words[0]!.lower) || isLastName(words.at(-1)!.lower)) return 'PERSON';
    if (isPlace(words.at(-1)!.lower)) return null;
    // "near Kiryat Shmona", "at the Sde Teiman base": names the gazetteer lacks after "in",
    // "at" or "near" are where, not who.
    if (afterLocative(tokens, first)) return 'PLACE';
    // "the Council on American-Islamic Relations", "Committee on Foreign Affairs": the rest of
    // an organisation's name.
    const on = tokens[first - 1];
    const body = tokens[first - 2];
    if (on?.lower === 'on' && body?.cap && ORG_WORDS.has(body.lower)) return 'ORG';
    // "Economic Revitalization", "Talent Management": a word shaped like an abstract noun
    // that no name list holds makes a programme or an office, not a person.
    if (
      words.some(
        (word) =>
          (isCommonWord(word.lower) && !NAME_JOINERS.has(word.lower)) || looksAbstract(word),
      )
    )
      return null;
    return words.length <= 4 ? 'PERSON' : null;
  }
  const word = words[0]!;
  if (isAcronym(word)) return 'ORG';
  if (isFirstName(word.lower) && !isLastName(word.lower)) return null;
  if (isLastName(word.lower)) return 'PERSON';
  const previous = tokens[first - 1];
  // "the ministry in Tyre said": a word after "in", "at" or "near" is where, even before a cue.
  if (afterLocative(tokens, first) && !isCommonWord(word.lower)) return 'PLACE';
  const next = tokens[last];
  if (
    next?.kind === 'word' &&
    CUES.has(next.lower) &&
    !isCommonWord(word.lower) &&
    !looksCommon(word.lower) &&
    !isCompound(word.text)
  )
    return 'PERSON';
  if (previous && PLACE_PREPOSITIONS.has(previous.lower) && !isCommonWord(word.lower))
    return 'PLACE';
  return null;
}

/** Whether the name at `first` follows "in", "at" or "near", with or without "the". */
function afterLocative(tokens: readonly Token[], first: number): boolean {
  const before = tokens[first - 1]?.lower === 'the' ? first - 2 : first - 1;
  return before >= 0 && LOCATIVES.has(tokens[before]!.lower);
}

/**
 * "Xi-Putin", "Biden-Netanyahu", "Raška-Prizren": capitalised parts joined by a hyphen, the
 * first not a given name, name a pair or a place; "Jean-Pierre" starts with a given name.
 */
function isCompound(text: string): boolean {
  const parts = text.split('-');
  return (
    parts.length >= 2 &&
    parts.every((part) => /^\p{Lu}/u.test(part)) &&
    !isFirstName(fold(parts[0]!))
  );
}

function genderOf(
  tokens: readonly Token[],
  nameFirst: number,
  titleWords: readonly number[],
): Gender {
  const honorific = [
    ...titleWords.map((index) => tokens[index]!.lower),
    tokens[nameFirst - 1]?.lower ?? '',
    tokens[nameFirst - 2]?.lower ?? '',
  ];
  if (honorific.some((word) => MALE_HONORIFICS.has(word))) return 'male';
  if (honorific.some((word) => FEMALE_HONORIFICS.has(word))) return 'female';
  // "his wife Raneen Muna", "her son, Omar": the relative's word says who they are.
  const before = tokens[nameFirst - 1]?.text === ',' ? nameFirst - 2 : nameFirst - 1;
  const kin = KIN_GENDER.get(tokens[before]?.lower ?? '');
  if (kin) return kin;
  const firstName = isFirstName(tokens[nameFirst]!.lower);
  return firstName === 'male' || firstName === 'female' ? firstName : null;
}

/** Who speaks for someone else: before "for" and a name, the name is not theirs. */
const SPOKES_WORDS = new Set(['spokesman', 'spokeswoman', 'spokesperson']);

/**
 * "US Secretary of State", "Kosovo Prime Minister", "US National Security Council official".
 * Every capitalised word of the name's own run before the name belongs to the role ("NSC
 * Coordinator for Strategic Communications John Kirby"). A role does not reach into the
 * sentence before: "Investing in Pennsylvania" heading "President Biden is keeping ..." is no
 * "Pennsylvania President".
 */
function preModifierRole(
  tokens: readonly Token[],
  nameFirst: number,
  sentenceStarts: ReadonlySet<number>,
  runFirst = nameFirst,
): string | null {
  // "US Secretary of State Mr. Blinken": a form of address is not part of the role.
  const before = tokens[nameFirst - 1]?.text === '.' ? nameFirst - 2 : nameFirst - 1;
  if (before >= 0 && ABBREVIATED_HONORIFICS.has(tokens[before]!.lower)) nameFirst = before;
  let k = nameFirst;
  /**
   * Whether the role so far opens with the last word of an organisation's name: "World Health
   * Organization chief" takes "World Health", which are neither titles nor places.
   */
  let inOrganisation = false;
  while (k > 0 && !sentenceStarts.has(tokens[k]!.start)) {
    const token = tokens[k - 1]!;
    if (token.text === '.' && ABBREVIATED_HONORIFICS.has(tokens[k - 2]?.lower ?? '')) {
      k--;
      continue;
    }
    // "under" only as in "Under Secretary": "Pennsylvania under President Biden" is no role.
    // "staff" ends a role ("chief of general staff") or heads one ("staff member"), but does not
    // open a capitalised title: "strike on aid convoy staff Israeli Prime Minister Netanyahu"
    // is a subheading run into the next paragraph.
    // "will host Prime Minister Kishida", "to press Prime Minister Modi": a role word that is
    // also a verb, in lower case before a capitalised title, is the verb.
    if (!token.cap && VERB_ROLE_WORDS.has(token.lower) && k < nameFirst && tokens[k]!.cap) break;
    // "held its meeting in Washington, D.C.  Secretary of State Antony Blinken ...": the city's
    // "D.C." ends a sentence the splitter could not see end.
    if (token.lower === 'd.c.' && tokens[k - 2]?.text === ',') break;
    const roleWord =
      token.kind === 'word' &&
      !notTheAcronym(token) &&
      (ROLE_WORDS.has(token.lower) ||
        ROLE_NOUNS.has(token.lower) ||
        ROLE_LINKS.has(token.lower) ||
        (TITLE_ORDINALS.has(token.lower) && ROLE_WORDS.has(tokens[k]!.lower))) &&
      (token.lower !== 'under' || tokens[k]?.lower === 'secretary') &&
      (token.lower !== 'staff' || k === nameFirst || !tokens[k]!.cap);
    // Capitalised words join the role only when they are titles, places or organisations,
    // so the walk stops at another person's name ("Kurti and Serbian President Vučić").
    // "United Nations Secretary General": "United" opens the organisation the role names.
    // "South African President", "North Korean leader": a compass word opens the place.
    const titleCap =
      token.kind === 'word' &&
      token.cap &&
      (isTitleWord(token) ||
        isPlace(token.lower) ||
        (tokens[k]!.cap && isKnownName(`${token.lower} ${tokens[k]!.lower}`)) ||
        (PLACE_OPENERS.has(token.lower) &&
          tokens[k]!.cap &&
          (DEMONYMS.has(tokens[k]!.lower) || isPlace(tokens[k]!.lower))));
    // "Later World Health Organization chief": a sentence's common first word is no part of it.
    const organisationWord: boolean =
      inOrganisation &&
      token.kind === 'word' &&
      token.cap &&
      !(sentenceStarts.has(token.start) && isCommonWord(token.lower));
    if (token.kind === 'possessive' || roleWord || titleCap || organisationWord) {
      inOrganisation =
        (token.cap && ORG_WORDS.has(token.lower)) || (organisationWord && !roleWord && !titleCap);
      k--;
      continue;
    }
    const complement = k - 1 >= runFirst ? complementStart(tokens, runFirst, k) : -1;
    if (complement < 0) break;
    k = complement;
  }
  while (
    k < nameFirst &&
    (ROLE_LINKS.has(tokens[k]!.lower) ||
      tokens[k]!.kind === 'possessive' ||
      STOP_WORDS.has(tokens[k]!.lower))
  )
    k++;
  // "Divided communities in the West Bank Foreign Secretary Lord Cameron said": a heading run
  // into the text ends in a place after "in the", which says where, not whose office.
  if (tokens[k - 1]?.lower === 'the' && LOCATIVES.has(tokens[k - 2]?.lower ?? ''))
    while (
      k < nameFirst &&
      tokens[k]!.cap &&
      !ROLE_WORDS.has(tokens[k]!.lower) &&
      !ROLE_NOUNS.has(tokens[k]!.lower) &&
      !HONORIFICS.has(tokens[k]!.lower)
    )
      k++;
  // "a spokesman for the UN Secretary-General António Guterres said": the name is whom the
  // spokesman speaks for, and holds the office after "for".
  if (SPOKES_WORDS.has(tokens[k]?.lower ?? '') && !tokens[k]!.cap && tokens[k + 1]?.lower === 'for')
    k += tokens[k + 2]?.lower === 'the' ? 3 : 2;
  if (k >= nameFirst) return null;
  const words = tokens.slice(k, nameFirst).filter((token) => token.kind === 'word');
  if (
    !words.some(
      (word) =>
        ROLE_NOUNS.has(word.lower) ||
        (HONORIFICS.has(word.lower) && !ABBREVIATED_HONORIFICS.has(word.lower)),
    )
  )
    return null;
  if (words.length > 9) return null;
  // "a member of Mr Netanyahu's cabinet": a role cannot end in "of".
  if (ROLE_LINKS.has(tokens[nameFirst - 1]!.lower)) return null;
  // "Foreign Secretary Lord Cameron": a form of address after the role is not part of it, and
  // one alone ("Sir Lindsay Hoyle") is no role.
  let end = nameFirst;
  // "Chief of the General Staff Lt Gen Herzi Halevi": an abbreviated rank goes with the name.
  while (
    end > k &&
    (FORMS_OF_ADDRESS.has(tokens[end - 1]!.lower) ||
      ABBREVIATED_HONORIFICS.has(tokens[end - 1]!.lower))
  )
    end--;
  if (end === k) return null;
  // "member of Prime Minister Netanyahu's cabinet": the office after "of" is the role; in
  // "Chief of General Staff" the word before "of" is the office itself.
  for (let j = end - 1; j > k; j--)
    if (
      tokens[j]!.lower === 'of' &&
      !HONORIFICS.has(tokens[j - 1]!.lower) &&
      tokens.slice(j + 1, end).some((token) => HONORIFICS.has(token.lower) && token.cap)
    ) {
      k = j + 1;
      break;
    }
  return spanText(tokens, k, end);
}

/**
 * Where a role's complement starts when the words just before `end` (inside the name's own run)
 * are capitalised words after "for" or "of" and a title word: "Coordinator for Strategic
 * Communications" before "John Kirby". -1 when they are not.
 */
function complementStart(tokens: readonly Token[], runFirst: number, end: number): number {
  for (let j = end - 1; j > runFirst; j--) {
    const token = tokens[j]!;
    if ((token.lower === 'for' || token.lower === 'of') && isTitleWord(tokens[j - 1]!)) return j;
    if (!(token.kind === 'word' && (token.cap || token.lower === 'the' || token.lower === 'and')))
      return -1;
  }
  return -1;
}

/**
 * Words that make an appositive a description of someone rather than an office: "Jake Sullivan,
 * the President himself, Secretary Blinken" lists people; "himself" says so.
 */
const PERSONAL_WORDS = new Set(
  'himself herself themselves myself yourself ourselves he she they him her them'.split(' '),
);

/**
 * "Kirby, the NSC spokesman," or "John Kirby, a spokesman for the National Security Council".
 * The role ends with its sentence: a list of names and offices, one per line, gives each name
 * the office on its own line.
 */
function appositiveRole(
  tokens: readonly Token[],
  nameLast: number,
  sentenceStarts: ReadonlySet<number>,
): string | null {
  if (tokens[nameLast]?.text !== ',') return null;
  const start = nameLast + 1;
  const opener = tokens[start];
  if (!opener || opener.kind !== 'word') return null;
  if (!APPOSITIVE_STARTS.has(opener.lower) && !ROLE_WORDS.has(opener.lower) && !opener.cap)
    return null;
  let end = start;
  while (end < tokens.length && end - start < 12) {
    const token = tokens[end]!;
    if (token.kind === 'punct' || token.kind === 'quote') break;
    if (end > start && sentenceStarts.has(token.start)) break;
    if (PERSONAL_WORDS.has(token.lower)) return null;
    // "a member of Mr Levi's party", "the son of bureau chief Wael al-Dahdouh": another
    // person's name is no part of an office.
    const next = tokens[end + 1];
    if (
      next &&
      ((next.cap &&
        ((token.lower !== '.' && FORMS_OF_ADDRESS.has(token.lower)) ||
          (token.cap && isFirstName(token.lower) && !isTitleWord(token)))) ||
        (token.cap && PARTICLE_SURNAME.test(next.text)))
    )
      return null;
    if (
      token.kind === 'word' &&
      !token.cap &&
      CUES.has(token.lower) &&
      !ROLE_NOUNS.has(token.lower)
    )
      return null;
    if (token.lower === 'who' || token.lower === 'which') return null;
    end++;
  }
  const closer = tokens[end];
  const closed =
    closer === undefined ||
    closer.text === ',' ||
    closer.text === '.' ||
    closer.text === ';' ||
    (end > start && sentenceStarts.has(closer.start));
  if (!closed) return null;
  const words = tokens.slice(start, end).filter((token) => token.kind === 'word');
  if (!words.some((word) => ROLE_NOUNS.has(word.lower))) return null;
  const skip = APPOSITIVE_STARTS.has(opener.lower) ? 1 : 0;
  if (start + skip >= end) return null;
  return spanText(tokens, start + skip, end);
}

/** Tokens `first` to `last` (exclusive) as one string, a space where the text had any. */
export function spanText(tokens: readonly Token[], first: number, last: number): string {
  const end = Math.min(last, tokens.length);
  if (end <= first) return '';
  let text = tokens[first]!.text;
  for (let k = first + 1; k < end; k++) {
    const token = tokens[k]!;
    text += tokens[k - 1]!.end < token.start ? ` ${token.text}` : token.text;
  }
  return text;
}

/** Titles used with a first name alone. */
const KNIGHTED = new Set(['sir', 'dame']);

/**
 * Offices that English styles with the surname: "Secretary Austin", "Senator Graham", "General
 * Milley". Heads of state and ministers are not among them: "President Mohamed" is Mohamed bin
 * Zayed, and "President Xi" and "Minister Wang" give the surname first.
 */
const SURNAME_OFFICES = new Set(
  (
    'secretary senator governor representative congressman congresswoman ambassador general ' +
    'admiral colonel lieutenant major sergeant captain judge justice mayor'
  ).split(' '),
);
/** Their abbreviations, written with a period ("Gen. Milley"). */
const ABBREVIATED_OFFICES = new Set('sen gov rep gen adm col lt maj sgt capt'.split(' '));

/**
 * Whether an office styled with the surname stands right before a name ("Secretary Austin",
 * "Gen. Milley"; not "Thanks, Admiral. John, ...", where the sentence ends before the name).
 */
function surnameOfficeBefore(tokens: readonly Token[], first: number): boolean {
  const before = tokens[first - 1];
  if (before?.text === '.') {
    const abbreviation = tokens[first - 2];
    return (
      abbreviation !== undefined && abbreviation.cap && ABBREVIATED_OFFICES.has(abbreviation.lower)
    );
  }
  return before !== undefined && before.cap && SURNAME_OFFICES.has(before.lower);
}

/** Offices of a head of state or government, styled with the surname ("President Biden"). */
const HEAD_OFFICES = new Set(['president', 'chancellor', 'king', 'queen', 'emir']);

/**
 * Whether the head-of-state office right before a surname ("President Biden") is missing from
 * the offices the article gives the full name it would join: in a fact sheet that names only
 * "First Lady Jill Biden" in full, or a briefing that names only "Hunter Biden", "President
 * Biden" is someone else, and the registry finds whom. A full name given that office ("President
 * Joe Biden") still takes its surname.
 */
function otherHead(
  tokens: readonly Token[],
  first: number,
  held: ReadonlySet<string> | undefined,
): boolean {
  const office = tokens[first - 1];
  if (!office?.cap || !HEAD_OFFICES.has(office.lower)) return false;
  return !held?.has(office.lower);
}

/**
 * The gender a form of address right before a name gives ("Lady Starmer", "Mr. Kirby"). Only
 * the address counts: a surname that is also a given name says nothing of its bearer.
 */
function addressedAs(tokens: readonly Token[], first: number): Gender {
  const before = tokens[first - 1]?.text === '.' ? first - 2 : first - 1;
  const word = tokens[before]?.lower ?? '';
  if (MALE_HONORIFICS.has(word)) return 'male';
  return FEMALE_HONORIFICS.has(word) ? 'female' : null;
}

/**
 * True when a name is addressed as one gender only and a mention as the other: "Lady Starmer"
 * in an article about Sir Keir Starmer is his wife, not him, and stays a surname for the
 * registry to place.
 */
function otherGender(address: Gender, ofName: ReadonlySet<Gender> | undefined): boolean {
  return address !== null && ofName?.size === 1 && !ofName.has(address);
}

/**
 * Gives every person mention the article's full name: "Kirby" and "Mr. Kirby" become
 * "John Kirby" when the article names exactly one person of that surname. Capitalised words
 * that were left untyped but match a known surname become person mentions too.
 */
function resolveSurnames(
  tokens: readonly Token[],
  mentions: Mention[],
  sentenceStarts: ReadonlySet<number>,
): void {
  const bySurname = new Map<string, Set<string>>();
  const byFirstName = new Map<string, Set<string>>();
  const genderOfName = new Map<string, Gender>();
  for (const mention of mentions) {
    if (mention.type !== 'PERSON' || mention.last - mention.first < 2) continue;
    const surname = tokens[mention.last - 1]!.lower;
    const names = bySurname.get(surname) ?? new Set();
    names.add(mention.text);
    bySurname.set(surname, names);
    const first = tokens[mention.first]!.lower;
    byFirstName.set(first, (byFirstName.get(first) ?? new Set()).add(mention.text));
    if (mention.gender) genderOfName.set(mention.text, mention.gender);
  }
  const covered = new Uint8Array(tokens.length);
  for (const mention of mentions) covered.fill(1, mention.first, mention.last);
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (!isNameWord(token) || covered[index] === 1 || !bySurname.has(token.lower)) continue;
    const next = tokens[index + 1];
    if (next && (isNameWord(next) || OCCASIONS.has(`${token.lower} ${next.lower}`))) continue;
    const mention = push(mentions, tokens, index, index + 1, 'PERSON');
    const role = appositiveRole(tokens, index + 1, sentenceStarts);
    if (role) mention.roles.push(roleSpelling(role));
  }
  mentions.sort((a, b) => a.start - b.start);
  // Full names the article gives such an office ("Secretary of State Antony Blinken" does not).
  const titledNames = new Set(
    mentions
      .filter(
        (mention) => mention.last - mention.first > 1 && surnameOfficeBefore(tokens, mention.first),
      )
      .map((mention) => mention.text),
  );
  // A first name alone is the one full name of the article that opens with it: "Sir Keir" is
  // Keir Starmer, and "Itay" after "Itay Regev" is Itay Regev, unless it is a surname here. An
  // office styled with the surname makes it one too, unless the article gives that full name
  // the same kind of office ("General Mark Milley"): "Secretary Austin" in a briefing that also
  // speaks of the journalist Austin Tice is the Defense Secretary.
  const fullNameOfFirst = (mention: Mention): string | null => {
    if (mention.last - mention.first !== 1) return null;
    const knighted = KNIGHTED.has(tokens[mention.first - 1]?.lower ?? '');
    if (!knighted && bySurname.has(tokens[mention.first]!.lower)) return null;
    const names = byFirstName.get(tokens[mention.first]!.lower);
    if (names?.size !== 1) return null;
    const [name] = names;
    if (surnameOfficeBefore(tokens, mention.first) && !titledNames.has(name!)) return null;
    return name!;
  };
  // How the article addresses each full name, in full or by its first name ("Sir Keir"): the
  // given name's gender in the lexicon is no evidence ("Emile" is listed as a woman's).
  const addressOfName = new Map<string, Set<Gender>>();
  for (const mention of mentions) {
    if (mention.type !== 'PERSON') continue;
    const name = mention.last - mention.first > 1 ? mention.text : fullNameOfFirst(mention);
    const address = addressedAs(tokens, mention.first);
    if (name && address)
      addressOfName.set(name, (addressOfName.get(name) ?? new Set()).add(address));
  }
  // The words of the offices the article gives each full name: its roles, and the capitalised
  // words right before it, which a role leaves out when they are also a form of address
  // ("First Lady Jill Biden").
  const officesOfName = new Map<string, Set<string>>();
  for (const mention of mentions) {
    if (mention.type !== 'PERSON' || mention.last - mention.first < 2) continue;
    const offices = officesOfName.get(mention.text) ?? new Set<string>();
    for (const role of mention.roles)
      for (const word of role.toLowerCase().split(/[\s’']+/)) offices.add(word);
    const before: string[] = [];
    for (let k = mention.first - 1; k >= 0 && tokens[k]!.kind === 'word' && tokens[k]!.cap; k--)
      before.push(tokens[k]!.lower);
    // A title, not a sentence's first word ("For Emmanuel Macron to have ...").
    if (before.some((word) => HONORIFICS.has(word))) for (const word of before) offices.add(word);
    officesOfName.set(mention.text, offices);
  }
  // Surnames styled as a head of state the article's one full name of them is not: there,
  // "Biden" alone is as likely the President as the First Lady, and the registry decides.
  const otherHeads = new Set<string>();
  for (const mention of mentions) {
    if (mention.type !== 'PERSON' || mention.last - mention.first !== 1) continue;
    const names = bySurname.get(tokens[mention.first]!.lower);
    if (names?.size === 1 && otherHead(tokens, mention.first, officesOfName.get([...names][0]!)))
      otherHeads.add(tokens[mention.first]!.lower);
  }
  for (const mention of mentions) {
    if (mention.type !== 'PERSON') continue;
    const words = mention.last - mention.first;
    const names = bySurname.get(tokens[mention.last - 1]!.lower);
    const byFirst = fullNameOfFirst(mention);
    if (byFirst) mention.canonical = byFirst;
    else if (names && names.size === 1) {
      const [full] = names;
      const address = addressedAs(tokens, mention.first);
      if (
        (words < 2 || full!.endsWith(mention.text)) &&
        !otherGender(address, addressOfName.get(full!)) &&
        !(
          words < 2 &&
          (otherHead(tokens, mention.first, officesOfName.get(full!)) ||
            (!address && otherHeads.has(tokens[mention.first]!.lower)))
        )
      )
        mention.canonical = full!;
    }
    mention.gender ??= genderOfName.get(mention.canonical) ?? null;
  }
  const byCanonical = new Map<string, Gender>();
  for (const mention of mentions)
    if (mention.gender) byCanonical.set(mention.canonical, mention.gender);
  for (const mention of mentions) mention.gender ??= byCanonical.get(mention.canonical) ?? null;
}
