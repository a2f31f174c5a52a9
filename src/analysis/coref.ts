import type { Quote, Span } from './analysis.ts';
import type { Mention } from './entities.ts';
import { CUES, HONORIFICS, ORG_WORDS, ROLE_NOUNS, RUN_BY } from './lexicon.ts';
import type { Attribution } from './quotes.ts';
import { spanText } from './entities.ts';
import type { Token } from './tokens.ts';

const MALE = new Set(['he', 'him', 'his']);
const FEMALE = new Set(['she', 'her']);
const GROUP = new Set(['they', 'it', 'we']);
const RELATIVE = new Set(['who', 'which', 'that']);
/** What a body says through: "a Kremlin statement said" is the Kremlin speaking. */
const ISSUED = new Set(['statement', 'report', 'communique', 'release', 'readout', 'letter']);
/** How far (in characters) around a quote its sentence can reach. */
const SENTENCE_REACH = 1000;
/** How many earlier mentions a pronoun or description may look through. */
const MAX_LOOKBACK = 200;
/** How many sentences back a pronoun may reach for its person. */
const PRONOUN_REACH = 4;

interface Resolved {
  speaker: string | null;
  /** The person mention the speaker came from, for the next pronoun. */
  person: boolean;
}

/**
 * Turns attributions into quotes with a canonical speaker. Names speak for themselves;
 * pronouns ("he", "she", "they", "who") and descriptions ("the minister", "the ministry") take
 * the nearest fitting earlier mention: a person of the pronoun's gender (preferring whoever
 * spoke last), a person whose role has the description's noun, an organisation for "it".
 */
export function resolveSpeakers(
  text: string,
  tokens: readonly Token[],
  mentions: readonly Mention[],
  attributions: readonly Attribution[],
  sentenceOf: (offset: number) => number,
): Quote[] {
  const rolesOf = new Map<string, Set<string>>();
  for (const mention of mentions) {
    if (mention.type !== 'PERSON') continue;
    const roles = rolesOf.get(mention.canonical) ?? new Set<string>();
    for (const role of mention.roles)
      for (const word of role.toLowerCase().split(/[\s’']+/)) roles.add(word);
    rolesOf.set(mention.canonical, roles);
  }
  /** Known genders, learnt from names and honorifics and then from resolved pronouns. */
  const genderOf = new Map<string, string | null>();
  for (const mention of mentions)
    if (mention.gender) genderOf.set(mention.canonical, mention.gender);
  const quotes: Quote[] = [];
  const direct = attributions.filter((attribution) => attribution.kind === 'direct');
  /** Whether an offset is inside a direct quote: who a quote names is not who the story is about. */
  const quoted = (offset: number) =>
    direct.some(({ content }) => content.start <= offset && offset < content.end);
  const speakers = new Map<Attribution, Resolved>();
  const introduced = (offset: number) => introducedBefore(text, mentions, offset);
  let lastPersonSpeaker: { name: string; sentence: number } | null = null;
  let lastGroupSpeaker: { name: string; sentence: number } | null = null;

  for (const attribution of attributions) {
    let resolved: Resolved = { speaker: null, person: false };
    let source: Span | null = null;
    if (attribution.source) {
      const { first, last } = attribution.source;
      source = {
        start: tokens[first]!.start,
        end: tokens[last - 1]!.end,
        text: spanText(tokens, first, last),
      };
      resolved = resolveSource(
        tokens,
        mentions,
        first,
        last,
        attribution.sentence,
        lastPersonSpeaker,
        rolesOf,
        genderOf,
        sentenceOf,
        namedIn(text, mentions, addressedFrom(tokens, attribution), attribution.content.end),
        lastGroupSpeaker,
        quoted,
        introduced,
      );
    } else if (!attribution.cue) {
      const adjacent = personBeside(text, mentions, attribution);
      // A quote that speaks of someone in the third person is not theirs.
      const named = namedIn(text, mentions, attribution.content.start, attribution.content.end);
      if (adjacent) resolved = { speaker: adjacent, person: true };
      else if (attribution.continues) {
        const carried = speakers.get(attribution.continues);
        if (carried && !(carried.speaker && named.has(carried.speaker))) resolved = carried;
      } else resolved = speakerNear(mentions, attribution, sentenceOf, lastPersonSpeaker, named);
    }
    speakers.set(attribution, resolved);
    const single = attribution.source && attribution.source.last - attribution.source.first === 1;
    const pronoun = single ? tokens[attribution.source!.first]!.lower : '';
    if (
      resolved.speaker &&
      (pronoun === 'he' || pronoun === 'she') &&
      !genderOf.get(resolved.speaker)
    )
      genderOf.set(resolved.speaker, pronoun === 'he' ? 'male' : 'female');
    if (resolved.person && resolved.speaker)
      lastPersonSpeaker = { name: resolved.speaker, sentence: attribution.sentence };
    else if (resolved.speaker)
      lastGroupSpeaker = { name: resolved.speaker, sentence: attribution.sentence };
    const { start, end } = attribution.content;
    quotes.push({
      kind: attribution.kind,
      content: { start, end, text: text.slice(start, end) },
      source,
      speaker: resolved.speaker,
      cue: attribution.cue
        ? {
            start: tokens[attribution.cue.first]!.start,
            end: tokens[attribution.cue.last - 1]!.end,
            text: spanText(tokens, attribution.cue.first, attribution.cue.last),
          }
        : null,
      ...(attribution.cue?.learned ? { learned: true } : {}),
    });
  }
  return quotes;
}

/**
 * Where what a statement names begins: its content, or the cue's end when the content follows
 * the cue, so that the person spoken to counts ("he had told Mr Netanyahu he would ...").
 */
function addressedFrom(tokens: readonly Token[], attribution: Attribution): number {
  const { start } = attribution.content;
  if (!attribution.cue) return start;
  const cueEnd = tokens[attribution.cue.last - 1]!.end;
  return cueEnd < start ? cueEnd : start;
}

/**
 * The people named between `start` and `end` (mentions are sorted by start), except one named
 * as a speaker ("Mr. McKinley said"): content that runs on into another attribution is a
 * misread span, not a sign of who the pronoun is.
 */
function namedIn(
  text: string,
  mentions: readonly Mention[],
  start: number,
  end: number,
): Set<string> {
  const names = new Set<string>();
  for (let k = firstEndingAfter(mentions, start); k < mentions.length; k++) {
    const mention = mentions[k]!;
    if (mention.start >= end) break;
    const next = /^\s+(\p{L}+)/u.exec(text.slice(mention.end, mention.end + 30))?.[1];
    if (mention.type !== 'PERSON' || mention.start < start) continue;
    if (!next || !CUES.has(next.toLowerCase())) names.add(mention.canonical);
  }
  return names;
}

/** A person named right beside a quote (`«...», a déclaré Peter Stano`): its speaker. */
function personBeside(
  text: string,
  mentions: readonly Mention[],
  attribution: Attribution,
): string | null {
  const { start, end } = attribution.content;
  // A name after a quote that ended its sentence opens the next sentence ('..." Mr Netanyahu
  // faces ...'), unless a dash or the line's end makes it a signature ('..." ― Ana Ruiz').
  const closesSentence = /[.!?]["”’'»\s]*$/.test(text.slice(start, end));
  const signs = (mention: Mention) =>
    /[―—–-]/.test(text.slice(end, mention.start)) ||
    /^[\s.,]*(?:\n|$)/.test(text.slice(mention.end, mention.end + 40));
  const from = Math.max(0, firstEndingAfter(mentions, start) - 2);
  const near = mentions.slice(from, firstEndingAfter(mentions, end + 40) + 1).find(
    (mention) =>
      mention.type === 'PERSON' &&
      ((mention.start >= end &&
        mention.start - end <= 30 &&
        (!closesSentence || signs(mention)) &&
        // "Netanyahu's office" names the office, not the man.
        !/^['’]s\b/.test(text.slice(mention.end, mention.end + 3)) &&
        !/[.!?\n]/.test(text.slice(end, mention.start))) ||
        (mention.end <= start &&
          start - mention.end <= 3 &&
          /:\s*$/.test(text.slice(mention.end, start)))),
  );
  return near?.canonical ?? null;
}

/** Words that put a person named after them beside the source, not in its place. */
const BESIDE_SOURCE = new Set(['to', 'for', 'with', 'between']);

/** True when the person starting at `offset` follows "to", "for", "with" or "between ... and". */
function servedBy(tokens: readonly Token[], first: number, offset: number): boolean {
  let k = first;
  while (k < tokens.length && tokens[k]!.start < offset) k++;
  // "for Mr Netanyahu", "by former Prime Minister Tony Blair": the title belongs to the name.
  // "Minister for Foreign Affairs Penny Wong": "for" inside a capitalised title is part of it.
  while (
    k - 1 > first &&
    (isTitle(tokens[k - 1]!) ||
      (TITLE_LINKS.has(tokens[k - 1]!.lower) && tokens[k - 2]?.cap === true && k - 2 >= first))
  )
    k--;
  const previous = tokens[k - 1];
  if (k - 1 < first || !previous) return false;
  // "Israel's ambassador to Malawi Michael Lotem": an office "to" or "for" a place is his title;
  // "a spokesman for ... Guterres" speaks for him.
  const office = tokens[k - 2]?.lower ?? '';
  if (BESIDE_SOURCE.has(previous.lower))
    return !(ROLE_NOUNS.has(office) && !PROXIES.has(office) && k - 1 > first + 1);
  // "a think tank run by Tony Blair": the body he runs speaks, not he.
  if (previous.lower === 'by' && RUN_BY.has(tokens[k - 2]?.lower ?? '')) return true;
  if (previous.lower !== 'and') return false;
  for (let j = first; j < k - 1; j++) if (tokens[j]!.lower === 'between') return true;
  return false;
}

const TITLE_LINKS = new Set(['of', 'for']);
/** Roles that speak for someone else: "a spokesman for", "an aide to", "lawyers for". */
const PROXIES = new Set(
  'spokesman spokeswoman spokesperson spokespeople aide aides adviser advisers advisor advisors lawyer lawyers attorney attorneys representative representatives'.split(
    ' ',
  ),
);
/** A word of a person's title or form of address ("Mr", "Prime", "Minister", "former"). */
const isTitle = (token: Token) =>
  token.text === '.' ||
  HONORIFICS.has(token.lower) ||
  ROLE_NOUNS.has(token.lower) ||
  token.lower === 'former' ||
  (token.kind === 'word' && token.cap);

/** The token starting at `offset`, if any (tokens are sorted by start). */
function tokenStartingAt(tokens: readonly Token[], offset: number): Token | undefined {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return tokens[low]?.start === offset ? tokens[low] : undefined;
}

/** Index of the first mention that ends after `offset` (mentions are sorted by start). */
function firstEndingAfter(mentions: readonly Mention[], offset: number): number {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (mentions[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function resolveSource(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  first: number,
  last: number,
  sentence: number,
  lastSpeaker: { name: string; sentence: number } | null,
  rolesOf: ReadonlyMap<string, Set<string>>,
  genderOf: ReadonlyMap<string, string | null>,
  sentenceOf: (offset: number) => number,
  namedInContent: ReadonlySet<string> = new Set(),
  lastGroup: { name: string; sentence: number } | null = null,
  quoted: (offset: number) => boolean = () => false,
  introduced: (offset: number) => Mention | null = () => null,
): Resolved {
  const start = tokens[first]!.start;
  const end = tokens[last - 1]!.end;
  const firstAfter = firstEndingAfter(mentions, start);
  const inside: Mention[] = [];
  for (let k = firstAfter; k < mentions.length && mentions[k]!.start < end; k++)
    if (mentions[k]!.start >= start && mentions[k]!.end <= end) inside.push(mentions[k]!);
  // "Netanyahu's office told ...": a person named in the possessive is not the source, nor
  // one the source serves or records ("an aide to Netanyahu", "a readout of a call between
  // Biden and Netanyahu").
  const person = inside.find(
    (mention) =>
      mention.type === 'PERSON' &&
      !(mention.end < end && tokenStartingAt(tokens, mention.end)?.kind === 'possessive') &&
      !servedBy(tokens, first, mention.start),
  );
  if (person) return { speaker: person.canonical, person: true };
  // Mentions are sorted and do not overlap: those before the source are a prefix.
  const before = mentions.slice(Math.max(0, firstAfter - MAX_LOOKBACK), firstAfter);
  const word = tokens[first]!.lower;
  if (last - first === 1 && (MALE.has(word) || FEMALE.has(word))) {
    const gender = MALE.has(word) ? 'male' : 'female';
    // "He described Mr Netanyahu's actions as ...": a pronoun is not the person its own
    // statement names (he would say "his own"), so it refers further back.
    const fits = (name: string) => {
      const known = genderOf.get(name);
      return (!known || known === gender) && !namedInContent.has(name);
    };
    // Passing over a closer person takes more: the subject's gender must be known to fit.
    // Inside a quote the story is the quoted one's, not the article's.
    const surelyFits = (name: string) => genderOf.get(name) === gender && fits(name);
    const subjectSince = (speaker: { name: string; sentence: number }) =>
      quoted(start)
        ? null
        : newSubject(tokens, before, speaker, sentence, sentenceOf, surelyFits, quoted, {
            tokens,
            index: first,
          });
    // "... including from the far-right Finance Minister, Bezalel Smotrich. ¶ On X, he
    // suggested ...": a person named in full for the first time to close a paragraph is whom
    // the next paragraph's "he" means, not the last speaker.
    const newcomer = quoted(start) ? null : introduced(start);
    if (newcomer && fits(newcomer.canonical)) return { speaker: newcomer.canonical, person: true };
    if (lastSpeaker && sentence - lastSpeaker.sentence <= 2 && fits(lastSpeaker.name))
      return { speaker: subjectSince(lastSpeaker)?.canonical ?? lastSpeaker.name, person: true };
    // With no one speaking of late, whom the sentence (or the one before) is about.
    const subject = subjectSince(NO_SPEAKER);
    if (subject) return { speaker: subject.canonical, person: true };
    for (let k = before.length - 1; k >= 0; k--) {
      const mention = before[k]!;
      if (sentence - sentenceOf(mention.start) > PRONOUN_REACH) break;
      if (mention.type === 'PERSON' && fits(mention.canonical))
        return { speaker: mention.canonical, person: true };
    }
    if (lastSpeaker && fits(lastSpeaker.name)) return { speaker: lastSpeaker.name, person: true };
    return { speaker: null, person: false };
  }
  if (last - first === 1 && RELATIVE.has(word)) {
    const antecedent = before.at(-1);
    if (antecedent && start - antecedent.end <= 3)
      return { speaker: antecedent.canonical, person: antecedent.type === 'PERSON' };
    return { speaker: null, person: false };
  }
  if (last - first === 1 && GROUP.has(word)) {
    // "The ministry in Gaza said ... It added": the body that just spoke, not the place it
    // was in.
    if (lastGroup && sentence - lastGroup.sentence <= 2)
      return { speaker: lastGroup.name, person: false };
    // "We will never recognise ... the territories of Ukraine": "we" are the ones writing (the
    // G7 leaders of a joint statement), never a body or a place the text speaks of.
    if (word === 'we') return { speaker: null, person: false };
    const organisation = [...before]
      .reverse()
      .find((mention) => mention.type !== 'PERSON' && sentence - sentenceOf(mention.start) <= 2);
    return { speaker: organisation?.canonical ?? null, person: false };
  }
  const organisation =
    inside.find((mention) => mention.type === 'ORG') ??
    inside.find((mention) => mention.type === 'PLACE');
  // "an adviser to the Israeli prime minister" is an adviser; a source that names someone or
  // something ("a spokeswoman for Hillary Clinton", "a writer for The Atlantic") is read whole.
  const head = tokens[inside.length > 0 ? last - 1 : headOf(tokens, first, last)]!.lower;
  if (!organisation && ROLE_NOUNS.has(head)) {
    // "The Vice President" after "President Zelenskyy" is the vice president named before.
    const wanted = [
      head,
      ...tokens
        .slice(first, last)
        .filter((token) => OFFICE_MODIFIERS.has(token.lower))
        .map((token) => token.lower),
    ];
    // "the President" after "President Biden and Vice President Harris" is Biden: an office
    // with a modifier the description lacks is another office.
    for (let k = before.length - 1; k >= 0; k--) {
      const mention = before[k]!;
      const roles = rolesOf.get(mention.canonical);
      if (
        mention.type === 'PERSON' &&
        roles &&
        wanted.every((word) => roles.has(word)) &&
        ![...roles].some((word) => OFFICE_MODIFIERS.has(word) && !wanted.includes(word))
      )
        return { speaker: mention.canonical, person: true };
    }
    return describe(tokens, first, last);
  }
  if (!organisation && ORG_WORDS.has(head)) {
    const found = [...before]
      .reverse()
      .find((mention) => mention.type === 'ORG' && mention.text.toLowerCase().includes(head));
    if (found) return { speaker: found.canonical, person: false };
  }
  // "Saudi Arabia's foreign minister": a person described by the state or body they serve.
  if (organisation && ROLE_NOUNS.has(head) && organisation.end < end)
    return describe(tokens, first, last);
  if (organisation && ISSUED.has(head) && organisation.end < end)
    return { speaker: organisation.canonical, person: false };
  if (organisation) {
    // "The Hamas-run health ministry in Gaza said": the place only locates the speaker, which
    // is the whole description.
    let from = first;
    while (from < last && DETERMINERS.has(tokens[from]!.lower)) from++;
    const whole =
      inside.length === 1 && organisation.end === end && organisation.start === tokens[from]!.start;
    // "Israel's ambassador to the UN": a person described by an office, whom a "he" in the
    // next sentence means.
    const described =
      !whole &&
      tokens
        .slice(first, last)
        .some((token) => ROLE_NOUNS.has(token.lower) || PEOPLE_NOUNS.has(token.lower));
    return {
      speaker: whole
        ? organisation.canonical
        : spanText(tokens, first, last).replace(/^(the|a|an) /i, ''),
      person: described,
    };
  }
  return describe(tokens, first, last);
}

/** What may stand between a name and the end of its paragraph: a stop, a closing mark. */
const PARAGRAPH_TAIL = /^[\s.,;:!?"”’)\]]*$/;

/**
 * The person named in full, for the first time in the article, at the very end of the
 * paragraph before the one whose first sentence holds `offset`; null otherwise. Reporters
 * introduce someone so and go on about them: "He sought to play down a backlash, including
 * from the Finance Minister, Bezalel Smotrich. ¶ On X, he suggested ...". A name the article
 * gave before, or one inside the paragraph, leaves the pronoun to the usual rules.
 */
function introducedBefore(
  text: string,
  mentions: readonly Mention[],
  offset: number,
): Mention | null {
  const paragraphEnd = text.lastIndexOf('\n\n', offset);
  if (paragraphEnd <= 0) return null;
  // The pronoun must be in its paragraph's first sentence: no stop before it in the paragraph.
  if (/[.!?]["”’)]?\s/.test(text.slice(paragraphEnd, offset))) return null;
  const k = firstEndingAfter(mentions, paragraphEnd) - 1;
  const last = mentions[k];
  if (!last || last.type !== 'PERSON' || last.last - last.first < 2) return null;
  if (!PARAGRAPH_TAIL.test(text.slice(last.end, paragraphEnd))) return null;
  for (let earlier = 0; earlier < k; earlier++)
    if (mentions[earlier]!.canonical === last.canonical) return null;
  return last;
}

/**
 * The person the pronoun's sentence, or the one before, is about, when it is someone other than
 * the last speaker and `fits` the pronoun: "Interviewed by ABC, Mr Netanyahu was equally vague.
 * '...,' he said" after a spokesman spoke is Mr Netanyahu speaking. That is the sentence's first
 * person outside quotes, standing as its subject (`opensSentence`), in no sentence before the
 * last speaker's.
 */
function newSubject(
  tokens: readonly Token[],
  before: readonly Mention[],
  lastSpeaker: { name: string; sentence: number },
  sentence: number,
  sentenceOf: (offset: number) => number,
  fits: (name: string) => boolean,
  quoted: (offset: number) => boolean,
  pronoun: PronounAt,
): Mention | null {
  /** The first person of the pronoun's sentence (before it) and of the sentence before. */
  const first = new Map<number, Mention>();
  const people = new Map<number, Set<string>>();
  for (let k = before.length - 1; k >= 0; k--) {
    const mention = before[k]!;
    const at = sentenceOf(mention.start);
    if (at <= lastSpeaker.sentence || at < sentence - 1) break;
    if (mention.type !== 'PERSON' || quoted(mention.start)) continue;
    first.set(at, mention);
    people.set(at, (people.get(at) ?? new Set()).add(mention.canonical));
  }
  // "In Cairo, Mr Blinken met President Sisi, whose mediators he said ...": the pronoun's own
  // sentence first, then the one before.
  for (const at of [sentence, sentence - 1]) {
    const mention = first.get(at);
    if (!mention || mention.canonical === lastSpeaker.name || !fits(mention.canonical)) continue;
    if (opensSentence(tokens, mention, at, sentenceOf)) return mention;
    // "This is a message that has not got through to Mr Netanyahu. He has held hard to ...":
    // the one person of the sentence before, wherever it stands, when the pronoun opens its own
    // sentence and that one speaks of no "he" ("He was speaking after talks with Mr Netanyahu.
    // He said ..." goes on about the last speaker).
    if (
      at === sentence - 1 &&
      people.get(at)!.size === 1 &&
      opensOwn(pronoun, sentenceOf) &&
      !personalPronounIn(pronoun, sentenceOf)
    )
      return mention;
  }
  return null;
}

interface PronounAt {
  tokens: readonly Token[];
  index: number;
}

/** Whether the token at `index` is its sentence's first word. */
function opensOwn({ tokens, index }: PronounAt, sentenceOf: (offset: number) => number): boolean {
  const previous = tokens[index - 1];
  return !previous || sentenceOf(previous.start) !== sentenceOf(tokens[index]!.start);
}

const PERSONAL = new Set(['he', 'him', 'his', 'she', 'her']);

/** Whether the sentence before the pronoun's has a personal pronoun of its own. */
function personalPronounIn(
  { tokens, index }: PronounAt,
  sentenceOf: (offset: number) => number,
): boolean {
  const sentence = sentenceOf(tokens[index]!.start);
  for (let k = index - 1; k >= 0; k--) {
    const token = tokens[k]!;
    if (sentenceOf(token.start) < sentence - 1) return false;
    if (PERSONAL.has(token.lower)) return true;
  }
  return false;
}

/**
 * Whether a person stands where a sentence's subject does: at its start, after a comma or a
 * title ("former adviser Lord Ricketts"), not after a preposition ("talks with Mr Netanyahu")
 * nor before a possessive ("Trump's administration").
 */
function opensSentence(
  tokens: readonly Token[],
  mention: Mention,
  sentence: number,
  sentenceOf: (offset: number) => number,
): boolean {
  // "with Mr Netanyahu": the form of address is part of the name.
  let at = mention.first - 1;
  while (at >= 0 && (HONORIFICS.has(tokens[at]!.lower) || tokens[at]!.text === '.')) at--;
  const previous = tokens[at];
  const opens =
    !previous ||
    sentenceOf(previous.start) !== sentence ||
    previous.text === ',' ||
    (previous.kind === 'word' && (previous.cap || ROLE_NOUNS.has(previous.lower)));
  return opens && tokenStartingAt(tokens, mention.end)?.kind !== 'possessive';
}

/** A last speaker that is no one, long ago: every sentence since is the story's. */
const NO_SPEAKER = { name: '', sentence: -Infinity };

/**
 * The head noun of a source: its last word, or the role before "to", "for" or "of" ("an adviser
 * to the Israeli prime minister" is an adviser, not the prime minister).
 */
function headOf(tokens: readonly Token[], first: number, last: number): number {
  for (let k = first + 1; k < last - 1; k++) {
    const word = tokens[k]!.lower;
    if ((word === 'to' || word === 'for' || word === 'of') && ROLE_NOUNS.has(tokens[k - 1]!.lower))
      return k - 1;
  }
  return last - 1;
}

/**
 * Words that make another office of a role noun ("vice president", "foreign minister", "deputy
 * chief"): a description that has one means only a person whose role has it too.
 */
const OFFICE_MODIFIERS = new Set(
  'vice deputy assistant under prime foreign defence defense interior finance health justice'.split(
    ' ',
  ),
);

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'some', 'one']);
/** The longest description that still names a speaker ("a Nevada Democrat", "the congressional report"). */
const MAX_DESCRIPTION_WORDS = 6;
/** Nouns for people who are not named: a pronoun after them may refer back to them. */
const PEOPLE_NOUNS = new Set(
  'democrat republican resident residents voter voters witness witnesses source sources activist activists protester protesters supporter supporters critic critics woman man mother father friend friends'.split(
    ' ',
  ),
);

/**
 * A source that names no one ("a Nevada Democrat", "the president" with no president named
 * before): the description itself speaks, so that the quotes continuing it keep their speaker.
 */
function describe(tokens: readonly Token[], first: number, last: number): Resolved {
  let from = first;
  while (from < last && DETERMINERS.has(tokens[from]!.lower)) from++;
  const words = tokens.slice(from, last).filter((token) => token.kind === 'word');
  const head = tokens[last - 1]!;
  if (words.length === 0 || words.length > MAX_DESCRIPTION_WORDS || head.kind !== 'word')
    return { speaker: null, person: false };
  return {
    speaker: spanText(tokens, from, last),
    person: ROLE_NOUNS.has(head.lower) || PEOPLE_NOUNS.has(head.lower),
  };
}

/**
 * The speaker of a quote no cue introduced: a person named in the same sentence outside the
 * quote ("Blige's song: “...”"), else whoever spoke in the sentence before.
 */
function speakerNear(
  mentions: readonly Mention[],
  attribution: Attribution,
  sentenceOf: (offset: number) => number,
  lastSpeaker: { name: string; sentence: number } | null,
  namedInContent: ReadonlySet<string>,
): Resolved {
  const { start, end } = attribution.content;
  const window = mentions.slice(
    firstEndingAfter(mentions, start - SENTENCE_REACH),
    firstEndingAfter(mentions, end + SENTENCE_REACH),
  );
  const person = window.find(
    (mention) =>
      mention.type === 'PERSON' &&
      (mention.end <= start || mention.start >= end) &&
      sentenceOf(mention.start) === attribution.sentence &&
      !namedInContent.has(mention.canonical),
  );
  if (person) return { speaker: person.canonical, person: true };
  if (
    lastSpeaker &&
    attribution.sentence - lastSpeaker.sentence <= 1 &&
    !namedInContent.has(lastSpeaker.name)
  )
    return { speaker: lastSpeaker.name, person: true };
  return { speaker: null, person: false };
}
