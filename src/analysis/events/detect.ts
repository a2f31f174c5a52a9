import type { EventMention, Realis, Span } from '../analysis.ts';
import { findActors, findPlaces, type PlaceMention } from './actors.ts';
import { countCasualties, knownVictimsBefore, WAR_TOLL_AT_LEAST } from './casualties.ts';
import { assignCentrality } from './centrality.ts';
import {
  BACKGROUND,
  IGNORED,
  isAccident,
  MODE_CUES,
  namesArms,
  threatMode,
  TRIGGERS,
  type Trigger,
} from './lexicon.ts';
import {
  findAll,
  fold,
  matchesAnywhere,
  scan,
  scannerSet,
  wordCount,
  wordStarts,
  type Match,
  type WordStarts,
} from './pattern.ts';
import {
  datelinePlace,
  eventPlace,
  findLocatives,
  mostSpecific,
  namesProtestCause,
  type Locative,
} from './places.ts';
import { findCues, realisOf } from './realis.ts';
import { findTimeCues, recapCue } from './recap.ts';
import { ploverScore } from './scores.ts';

interface Hit extends Match {
  trigger: Trigger | null;
}

const triggersIn = scannerSet(TRIGGERS);
const ignoredIn = scannerSet(IGNORED);
const backgroundIn = scannerSet(BACKGROUND);

/** All trigger and ignore matches in the text, overlaps resolved longest first, then by file order. */
function findHits(text: string, folded: string, words = wordStarts(folded)): Hit[] {
  const all: Hit[] = [];
  // Written out rather than spread: one object shape, built without copying properties by name.
  for (const trigger of triggersIn(folded, words))
    for (const { start, end, text: matched } of scan(trigger, folded, text, words))
      all.push({ start, end, text: matched, trigger });
  for (const ignored of ignoredIn(folded, words))
    for (const { start, end, text: matched } of scan(ignored, folded, text, words))
      all.push({ start, end, text: matched, trigger: null });
  all.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      (a.trigger?.order ?? -1) - (b.trigger?.order ?? -1) ||
      a.start - b.start,
  );
  const kept: Hit[] = [];
  // Ignored phrases never hide one another, only triggers. The characters each kind of kept hit
  // covers are marked (matches are never empty), instead of testing every hit against every
  // hit kept before it.
  const byAny = new Uint8Array(text.length);
  const byTrigger = new Uint8Array(text.length);
  for (const hit of all) {
    const covered = hit.trigger !== null ? byAny : byTrigger;
    let overlaps = false;
    for (let at = hit.start; at < hit.end && !overlaps; at++) overlaps = covered[at] === 1;
    if (overlaps) continue;
    kept.push(hit);
    byAny.fill(1, hit.start, hit.end);
    if (hit.trigger !== null) byTrigger.fill(1, hit.start, hit.end);
  }
  return kept.filter((hit) => hit.trigger !== null).sort((a, b) => a.start - b.start);
}

/**
 * Category and mode of one trigger in its folded sentence (with its word starts, when the
 * caller has them): context rules, then mode cues.
 */
function code(
  trigger: Trigger,
  sentence: string,
  words?: WordStarts,
): { category: string; mode: string | null } {
  let { category, mode } = trigger;
  const when = trigger.when;
  if (
    when &&
    matchesAnywhere(when.context, sentence, words) &&
    !(when.unless && matchesAnywhere(when.unless, sentence, words))
  ) {
    category = when.category;
    mode = when.mode;
  }
  if (mode === null)
    mode =
      MODE_CUES.get(category)?.find((cue) => matchesAnywhere(cue.scanner, sentence, words))?.mode ??
      null;
  return { category, mode };
}

/**
 * "Biden blasts 'brazen attack'": a verb of explosion after a name and before a quotation is a
 * verb of criticism, and what it quotes is its object, not the headline's own event. "Two blasts
 * 'rock Kyiv'" and a headline that opens "Blasts ..." name explosions.
 */
const CRITICISM = { category: 'ACCUSE', mode: 'disapprove' };
const BLASTS_AFTER = /(?:^|\s)([\p{L}'’.-]+)\s+blast(?:s|ed)\s*$/iu;
const QUOTE_NEXT = /^\s*['"‘“]/u;
/** Words before "blasts" that make it a noun: "two blasts", "deadly blasts". */
const BLAST_NOUN_BEFORE = new Set(
  'a an the two three four five six several twin multiple more new further huge massive deadly loud powerful separate'.split(
    ' ',
  ),
);

/** Whether the trigger ending at `end` of `text` is a name's "blasts" before a quotation. */
function criticises(text: string, end: number): boolean {
  if (!QUOTE_NEXT.test(text.slice(end, end + 3))) return false;
  const subject = BLASTS_AFTER.exec(text.slice(0, end))?.[1];
  return (
    subject !== undefined &&
    !BLAST_NOUN_BEFORE.has(subject.toLowerCase()) &&
    (/^\p{Lu}/u.test(subject) || /^(?:he|she|they)$/iu.test(subject))
  );
}

/** How far (in words) a background mention carries to the next trigger ("battles with ... militia"). */
const backgroundChain = 6;
/** A trigger this close after another is its object, not an event of its own. */
const OBJECT_WORDS = 3;
/** How many sentences an event's place still locates later events of the same incident in. */
const PLACE_CARRY = 2;
const VIOLENT = new Set(['ASSAULT', 'COERCE', 'PROTEST']);
const REALIS_ORDER: Realis[] = [
  'actual',
  'future',
  'hypothetical',
  'threatened',
  'negated',
  'denied',
];
/**
 * "the attack", "Sunday's shootout", "this killing": a mention of an incident already told.
 * "that" and "those" only right before it: "a raid that medics said killed 31" is a relative
 * clause, not "that ... killing".
 */
const DEFINITE =
  /(?:^|[^\p{L}])(?:(?:the|this|these|its|their|his|her|[\p{L}-]+['’]s)\s+(?:(?!(?:and|or|but|of|to|in|on|at|for|with|by|from|as|that|which|who|was|were|is|are|had|has|have)\s)[\p{L}\p{N}-]+\s+){0,2}|(?:that|those)\s+)$/iu;

/**
 * Whether the text before a trigger ends in a definite mention (DEFINITE). A match spans at
 * most the last three words, so the RegExp reads the last four: tried on the whole text, its
 * `$` made V8 try it from every character of the sentence. The cut falls after a space, so `^`
 * there stands for the non-letter before.
 */
function endsDefinite(before: string): boolean {
  let at = before.length;
  for (let words = 0; words < 4 && at > 0; words++) {
    while (at > 0 && isSpace(before.charCodeAt(at - 1))) at--;
    while (at > 0 && !isSpace(before.charCodeAt(at - 1))) at--;
  }
  return DEFINITE.test(at === 0 ? before : before.slice(at));
}

/** Space, tab and line breaks (no-break and other spaces count as word characters: a longer cut). */
const isSpace = (code: number) => code === 0x20 || (code >= 0x09 && code <= 0x0d);

/**
 * "Four hostages kidnapped by Hamas have been reunited", "captives who were abducted on 7
 * October": a participle after the captives describes how they came to be held, which the news
 * is not (here, their rescue).
 */
const KNOWN_CAPTIVES =
  /(?:^|[^\p{L}])(?:hostages?|captives?|abductees?)\s+(?:who\s+(?:were|was|had\s+been|have\s+been)\s+)?$/u;
/** The sentences a report opens with: what they tell is the article's news. */
const LEAD_SENTENCES = 2;
const PLUPERFECT = /\bhad\s+(?:[\p{L}-]+\s+){0,2}$/u;
const REPORTED = /\b(?:said|says|told|added|announced|stated|confirmed|reported|according\s+to)\b/u;
/**
 * A sentence that sets the news in its context ("It comes as health officials in Gaza said 125
 * more people had been killed"), or a correction appended to the report: what it tells is
 * background, whatever its tense.
 */
const CONTEXT_SENTENCE =
  /^\W*(?:(?:it|this|that|the\s+\p{L}+)\s+(?:comes|came)\s+(?:as|amid|after|days?\s+after|weeks?\s+after|a\s+day\s+after)\b|correction\b)/iu;
/** A trigger that carries its own determiner: "launched its offensive". */
const DETERMINED = /\s(?:its|the|their|this)\s/iu;
/** A sentence that goes on from the one before: a recap before makes it one too. */
const CONTINUATION =
  /^\W*(?:in\s+response|in\s+retaliation|since\s+then|after\s+that|following\s+that|subsequently|then)\b/iu;

interface Subordinator {
  start: number;
  end: number;
  before: number;
  temporal: boolean;
}

/** A subordinator over `at`, built field by field so that every one has the same shape. */
function subordinator(
  at: { start: number; end: number },
  before: number,
  temporal: boolean,
): Subordinator {
  return { start: at.start, end: at.end, before, temporal };
}

/** What an article is about, for placing and weighing its events. */
export interface ArticleContext {
  title?: string;
  /** ISO publication time: events dated days before it are recaps. */
  published?: string;
}

/**
 * A title about those an event left behind ("Bringing broken survivors of the Nova festival
 * attack back from darkness", "funeral of", "anniversary of") recalls the event, it does not
 * report it.
 */
const REMEMBERED =
  /(?<![\p{L}])(?:survivors|victims|families|relatives|anniversary|aftermath|memory|memorial|legacy|scars|trauma|funeral|funerals|remembering|commemorat\p{L}*)(?:\s+(?:of|for|from))?(?![\p{L}])/gu;
/** The same words right after a trigger ("attack victims", "bombing survivors"). */
const LEFT_BEHIND =
  /^\s+(?:victims|survivors|families|anniversary|aftermath|memorial|funerals?|videos?|footage|films?|documentary)(?![\p{L}])/u;
/** How many words may stand between those words and the event ("the Nova festival"). */
const REMEMBERED_WORDS = 4;

/** What the title says is new, what it recalls, and where. */
interface TitleReading {
  /** The categories it reports: the yardsticks of centrality. */
  categories: Set<string>;
  /** The categories it names only as what the news comes after ("... after Banjska attack"). */
  recalled: Set<string>;
  /** Of those, the ones it names for who or what they left behind ("survivors of ... attack"). */
  remembered: Set<string>;
  place: string | null;
  /** `place` is what a protest is about ("Gaza protesters at ..."), not where it happened. */
  protestCause: boolean;
  /** A question ("Why are Israel and Hamas fighting?"): the article explains, it has no lead. */
  explainer: boolean;
}

/**
 * Whether a headline names a "military operation" or "military action": it reports the lead's
 * attacks, whatever verbs tell them. "Statement from President Joe Biden on U.S. Military
 * Operation in the Middle East" opens on "U.S. military forces struck targets at facilities in
 * Iraq and Syria"; "Israel launches new military operation in central Gaza" on the strikes.
 */
export const namesMilitaryOperation = (title: string): boolean =>
  /\bmilitary\s+(?:operations?|action)\b/iu.test(title);

/** The categories the title reports and recalls, and the place it names. */
function readTitle(title: string): TitleReading {
  const folded = fold(title);
  const categories = new Set<string>();
  const recalled = new Set<string>();
  const remembered = new Set<string>();
  // A question ("What is the genocide case against Israel?") explains; it reports nothing.
  if (/\?\s*$/.test(title))
    return { categories, recalled, remembered, place: null, protestCause: false, explainer: true };
  const words = wordStarts(folded);
  const cues = findCues(folded, title, words);
  const subordinators = backgroundIn(folded, words).flatMap((pattern) =>
    scan(pattern, folded, folded, words).map((match) => ({ ...match, before: pattern.before })),
  );
  const rememberedBy = findAll(REMEMBERED, folded);
  for (const hit of findHits(title, folded, words)) {
    const { category } = criticises(title, hit.end) ? CRITICISM : code(hit.trigger!, folded, words);
    // "Oil prices dip after Iran attack": the title's news is not what it comes after.
    const governs = (word: Match, before: number) =>
      word.end <= hit.start && wordCount(title.slice(word.end, hit.start)) <= before;
    // "Nova attack survivors", "kidnap video": an attack named for what it left, or for its
    // recording ("Biden meets families of hostages" still reports the meeting).
    const memory =
      rememberedBy.some((word) => governs(word, REMEMBERED_WORDS)) ||
      (category === 'ASSAULT' && LEFT_BEHIND.test(folded.slice(hit.end, hit.end + 24)));
    const background = memory || subordinators.some((word) => governs(word, word.before));
    if (realisOf(title, cues, hit, category).realis !== 'actual') continue;
    (background ? recalled : categories).add(category);
    if (memory) remembered.add(category);
  }
  if (countCasualties(title).killed) categories.add('ASSAULT');
  if (namesMilitaryOperation(title)) categories.add('ASSAULT');
  const places = findPlaces(title, folded, words);
  const named =
    mostSpecific(findLocatives(title, places)) ??
    places.find((found) => !found.country && !found.capital);
  const place = named?.name ?? null;
  for (const category of categories) {
    recalled.delete(category);
    remembered.delete(category);
  }
  return {
    categories,
    recalled,
    remembered,
    place,
    protestCause:
      named !== undefined &&
      (categories.has('PROTEST') || recalled.has('PROTEST')) &&
      namesProtestCause(title, named),
    explainer: false,
  };
}

/** A sentence's places, as `IncidentPlaces.placeOf` reads them. */
interface SentencePlaces {
  index: number;
  text: string;
  locatives: Locative[];
  /** Gazetteer places that are not part of an actor's name. */
  located: PlaceMention[];
  /** The same without what a protest is about ("Gaza protesters"): where a protest is. */
  protestSites?: { locatives: Locative[]; places: PlaceMention[] };
}

/**
 * Where an article's events happened, sentence by sentence: the article's own incident place
 * (its dateline until the lead names one), and the last place of each category, which carries
 * to the same incident told again. A class rather than closures made per sentence: tsx names
 * every closure it creates, which cost the detector a steady share of its time.
 */
class IncidentPlaces {
  /** The last place of each category, and the sentence it was given in. */
  readonly incident = new Map<string, { place: string; sentence: number }>();
  /** The last violent event's place, which the next sentence's events may share. */
  previous: { place: string; sentence: number } | null = null;
  private leadPlaced: boolean;

  constructor(
    private readonly title: TitleReading,
    private articlePlace: string | null,
  ) {
    this.leadPlaced = title.place !== null;
  }

  placeOf(sentence: SentencePlaces, category: string, at: { start: number; end: number }) {
    const { index, text: local, locatives, located } = sentence;
    const protest = category === 'PROTEST';
    let own: string | null;
    if (protest) {
      // A protest's place is where it is, not the war it is about.
      const sites = (sentence.protestSites ??= {
        locatives: locatives.filter((locative) => !namesProtestCause(local, locative)),
        places: located.filter((place) => !namesProtestCause(local, place)),
      });
      own = eventPlace(local, sites.locatives, sites.places, at);
    } else own = eventPlace(local, locatives, located, at);
    // A lead that names a place in another clause ("WASHINGTON — The U.S. fired missiles at
    // Houthi sites, ... targeting the group in Yemen") says more than the dateline does.
    const datelineOnly = !this.leadPlaced && this.articlePlace !== null && index < LEAD_SENTENCES;
    if (!own && datelineOnly && VIOLENT.has(category) && this.title.categories.has(category))
      own = locatives.find((locative) => !locative.attached)?.name ?? null;
    if (own && !this.leadPlaced && index < LEAD_SENTENCES && VIOLENT.has(category)) {
      this.articlePlace = own;
      this.leadPlaced = true;
    }
    if (own) return own;
    // The same incident told again ("the attack", or the next sentences): its place.
    const same = this.incident.get(category);
    if (same && (index - same.sentence <= PLACE_CARRY || endsDefinite(local.slice(0, at.start))))
      return same.place;
    // A strike told in one sentence does not place the protest against it told in the next.
    const previous = this.previous;
    if (previous && index - previous.sentence === 1 && !protest) return previous.place;
    // The article's own incident (the title's kind of event): its place.
    if (this.title.categories.has(category)) return this.articlePlace;
    return null;
  }
}

/**
 * Codes the events of a text, sentence by sentence, on PLOVER categories and modes (see
 * `lexicon.json`), with their score, realis, actors (source acting on target), place, the dead
 * and injured the sentence reports, whether each is background (subordinate to another event of
 * its sentence, or a recap of earlier events: a stale date, "last year", a war's running toll)
 * and how central it is to the article (`centrality.ts`). Mentions of one category with the same
 * realis in one sentence merge into one event whose `triggers` keep every word that fired.
 * Deaths go to the sentence's most conflictual violent event only, so one report is never
 * counted twice.
 *
 * `context` gives the article's title and publication time when the text is an article body.
 */
export function detectEvents(
  text: string,
  sentences: readonly Span[],
  context: ArticleContext = {},
): EventMention[] {
  const folded = fold(text);
  const hits = findHits(text, folded);
  const title = readTitle(context.title ?? '');
  const recallOnly = title.categories.size === 0 && title.remembered.size > 0;
  // A dateline says where the report was filed ("AMMAN, Jordan —"), which is the incident's
  // place only until the lead names another: "killed in an airstrike in Lebanon's capital of
  // Beirut" makes the article's incident Beirut's.
  // "Sixteen arrested over Oxford University Gaza protest": the arrests are not in Gaza.
  const where = new IncidentPlaces(
    title,
    (title.protestCause ? null : title.place) ?? datelinePlace(text),
  );
  // "Five killed in Gaza aid drop parachute failure": deaths the body tells with no attack
  // named ("a doctor said five people were killed") are the accident's.
  const titleFolded = fold(context.title ?? '');
  const accidentTitle = isAccident(titleFolded, wordStarts(titleFolded));
  const published = Date.parse(context.published ?? '');
  const events: EventMention[] = [];
  const sentenceOf: number[] = [];
  /** Whether the last actual mention of each category was a recap. */
  const recapOf = new Map<string, boolean>();
  let lastWarToll = -2;
  /** The sentence index of the last recap of a violent event. */
  let lastRecap = -2;
  let cursor = 0;
  for (const [index, sentence] of sentences.entries()) {
    const inSentence: Hit[] = [];
    while (cursor < hits.length && hits[cursor]!.start < sentence.end) {
      if (hits[cursor]!.start >= sentence.start) inSentence.push(hits[cursor]!);
      cursor++;
    }
    const local = sentence.text;
    const offset = sentence.start;
    const casualties = countCasualties(local);
    if (inSentence.length === 0 && !casualties.killed) continue;
    const lowerSentence = folded.slice(sentence.start, sentence.end);
    // Indexed once: the cue, time, subordinator and actor patterns look their first words up in it.
    const sentenceWords = wordStarts(lowerSentence);
    const places = findPlaces(local, lowerSentence, sentenceWords);
    // Actors are read on the sentence folded alone (rarely not the slice of the article's fold).
    const ownFold = fold(local);
    const actors = findActors(
      local,
      places,
      ownFold,
      ownFold === lowerSentence ? sentenceWords : wordStarts(ownFold),
    );
    // "Kosovo police" names an actor, not where the event happened.
    const located = places.filter(
      (place) => !actors.some((actor) => place.start < actor.end && place.end > actor.start),
    );
    const locatives = findLocatives(local, located);
    const sentencePlaces: SentencePlaces = { index, text: local, locatives, located };
    const cues = findCues(lowerSentence, local, sentenceWords);
    const time = findTimeCues(lowerSentence, local, published, undefined, sentenceWords);
    // What the title recalls ("weapons displayed after Banjska attack") is news only on the
    // article's day: told of an earlier day ("Sunday's attack"), it is the recap.
    const recalledTime =
      title.recalled.size > 0
        ? findTimeCues(lowerSentence, local, published, 0, sentenceWords)
        : time;
    // A sentence right after a recap goes on with it ("About 1,300 people were killed."),
    // unless it says it tells of the day; past the lead, or when it opens with "In response".
    const followsRecap =
      lastRecap === index - 1 && (index >= LEAD_SENTENCES || CONTINUATION.test(local));
    // Built field by field, one object shape for all: spread copies made the pushes below a
    // third of this function's own time.
    const subordinators: Subordinator[] = [];
    for (const pattern of backgroundIn(lowerSentence, sentenceWords))
      for (const match of scan(pattern, lowerSentence, lowerSentence, sentenceWords))
        if (!pattern.notAfter?.test(lowerSentence.slice(0, match.start)))
          subordinators.push(subordinator(match, pattern.before, pattern.resettable));
    const merged = new Map<string, EventMention>();
    const recaps = new Set<EventMention>();
    const knownEvents = new Set<EventMention>();
    const datedEvents = new Set<EventMention>();
    const undated = new Set<EventMention>();
    /** Named at least once as an incident already known ("the attack", "Sunday's attack"). */
    const named = new Set<EventMention>();
    /** Background only because of when or why it is told: news again if nothing else is. */
    const temporal = new Set<EventMention>();
    const anchored =
      casualties.killed !== null || casualties.injured !== null || time.now.length > 0;
    // "Floods killed 25 people", "a gas cylinder explosion": no attack, no violent event.
    const accident =
      isAccident(lowerSentence, sentenceWords) ||
      (accidentTitle && !namesArms(lowerSentence, sentenceWords));
    /** Whether the title's news has been told earlier in this sentence. */
    let titleNewsTold = false;
    for (const hit of inSentence) {
      const coded = criticises(local, hit.end - offset)
        ? CRITICISM
        : code(hit.trigger!, lowerSentence, sentenceWords);
      if (accident && coded.category === 'ASSAULT') continue;
      const relative = { start: hit.start - offset, end: hit.end - offset };
      const { realis, cue } = endsInQuestion(local, relative)
        ? { realis: 'hypothetical' as const, cue: '?' }
        : realisOf(local, cues, relative, coded.category);
      const triggerSpan: Span = { start: hit.start, end: hit.end, text: hit.text };
      const score = ploverScore(coded.category, coded.mode);
      const governing = subordinators.filter(
        (word) =>
          word.end <= relative.start &&
          wordCount(local.slice(word.end, relative.start)) <= word.before,
      );
      // "displayed weapons seized from the group that attacked police", under a title that
      // recalls the attack: told after the title's news, what the title recalls is its setting.
      const recalledSetting = titleNewsTold && title.recalled.has(coded.category);
      const background = governing.length > 0 || recalledSetting;
      const onlyTemporal =
        governing.length > 0 && !recalledSetting && governing.every((word) => word.temporal);
      if (!background && realis === 'actual' && title.categories.has(coded.category))
        titleNewsTold = true;
      if (background) subordinators.push(subordinator(relative, backgroundChain, onlyTemporal));
      // The object of the trigger before it ("suspended aid", "rejected an offer of talks").
      else subordinators.push(subordinator(relative, OBJECT_WORDS, false));
      const before = lowerSentence.slice(0, relative.start);
      const definite = endsDefinite(before) || DETERMINED.test(hit.text);
      // Told of as already known: a whole event-mention is a recap when one of its words is.
      const known =
        // A title that only recalls the event (its survivors, its anniversary): the body's
        // telling of it is a recap unless it says it happened today.
        (recallOnly && title.remembered.has(coded.category) && time.now.length === 0) ||
        // "had been kidnapped": before the time the article tells of (unless reported speech
        // shifted the tense: "said three attackers had been killed").
        (PLUPERFECT.test(before) && !REPORTED.test(before)) ||
        // "the three Serbs killed in Sunday's shootout": deaths already told.
        (coded.category === 'ASSAULT' && knownVictimsBefore(before)) ||
        (coded.mode === 'abduct' && KNOWN_CAPTIVES.test(before.slice(-60))) ||
        // "Hamas attack victims", "bombing survivors": an attack named for those it left.
        LEFT_BEHIND.test(lowerSentence.slice(relative.end, relative.end + 24)) ||
        (definite &&
          // "the attack" told again after a recap of it, with nothing of the day beside it.
          ((recapOf.get(coded.category) === true && time.now.length === 0) ||
            // "1,200 people were killed in the attack": a war's first toll, not the day's.
            ((casualties.killed ?? 0) >= WAR_TOLL_AT_LEAST && time.now.length === 0) ||
            // "the bombardment", "its offensive" past the lead, with nothing that dates or
            // places it: the war or an incident already told, not news.
            (index >= LEAD_SENTENCES &&
              !anchored &&
              eventPlace(local, locatives, located, relative) === null)));
      // An event told as known beside a new one of its kind is another event ("hostages
      // kidnapped by Hamas ... rescued in a raid that killed scores"): merged, the news would
      // be taken for the recap.
      const key = `${coded.category}|${realis}|${known}`;
      const existing = merged.get(key);
      // Dated before the article's day, or following on from a recap ("In response, ...").
      const dated =
        recapCue(title.recalled.has(coded.category) ? recalledTime : time, relative, local) !==
          null ||
        (followsRecap && time.now.length === 0);
      if (existing) {
        existing.triggers.push(triggerSpan);
        existing.background &&= background;
        // Known if any of its words says so; dated only if all of them are.
        if (known) knownEvents.add(existing);
        if (dated) datedEvents.add(existing);
        else if (!definite) undated.add(existing);
        if (definite) named.add(existing);
        if (!onlyTemporal) temporal.delete(existing);
        if (coded.mode && (existing.mode === null || score < existing.score)) {
          existing.mode = coded.mode;
          existing.score = score;
        }
        continue;
      }
      const roles = sourceAndTarget(local, actors, relative);
      const event: EventMention = {
        category: coded.category,
        mode: coded.mode,
        score,
        realis,
        realisCue: cue,
        start: sentence.start,
        end: sentence.end,
        text: local,
        trigger: triggerSpan,
        triggers: [triggerSpan],
        actors: actors.map((actor) => actor.text),
        source: roles.source,
        target: roles.target,
        place: where.placeOf(sentencePlaces, coded.category, relative),
        fatalities: null,
        injured: null,
        cumulative: false,
        background,
        centrality: 0,
      };
      merged.set(key, event);
      if (known) knownEvents.add(event);
      // A trigger dates its event unless it only refers back to it ("before the fighting").
      if (dated) datedEvents.add(event);
      else if (!definite) undated.add(event);
      if (definite) named.add(event);
      if (onlyTemporal) temporal.add(event);
    }
    const list = [...merged.values()];
    for (const event of list)
      if (knownEvents.has(event) || (datedEvents.has(event) && !undated.has(event)))
        recaps.add(event);
    // With no main event left, the sentence is about what it tells after "after", "since" or
    // "amid" ("tensions rose after a policeman was killed"); never about what someone wants
    // stopped or blames, nor about an incident it names as known ("found after Sunday's
    // attack", "must answer for the attack in Banjska"). A recap beside it is no main event
    // ("hostages kidnapped by the militia were freed after a raid").
    if (list.every((event) => event.background || recaps.has(event)))
      for (const event of list)
        if (temporal.has(event) && !named.has(event)) event.background = false;
    if (casualties.killed !== null || casualties.injured !== null) {
      // Deaths go to an attack or a riot; the hurt to any violent event ("arrests ... injuring").
      // "hostages kidnapped by Hamas ... rescued in a raid that killed 40": the dead are not
      // the known abduction's.
      const ranked = list
        .filter(
          (event) =>
            VIOLENT.has(event.category) && !(event.mode === 'abduct' && knownEvents.has(event)),
        )
        .sort(
          (a, b) =>
            REALIS_ORDER.indexOf(a.realis) - REALIS_ORDER.indexOf(b.realis) || a.score - b.score,
        );
      let violent = casualties.killed
        ? ranked.find((event) => event.category === 'ASSAULT' || event.mode === 'riot')
        : ranked[0];
      if (!violent && casualties.killed && !accident) {
        // "Two policemen died": deaths with no other trigger are an attack of unknown mode.
        const words = casualties.words[0] ?? local;
        const at = Math.max(0, lowerSentence.indexOf(fold(words)));
        const span: Span = { start: offset + at, end: offset + at + words.length, text: words };
        const relative = { start: at, end: at + words.length };
        const { realis, cue } = endsInQuestion(local, relative)
          ? { realis: 'hypothetical' as const, cue: '?' }
          : realisOf(local, cues, relative, 'ASSAULT');
        violent = {
          category: 'ASSAULT',
          mode: null,
          score: ploverScore('ASSAULT', null),
          realis,
          realisCue: cue,
          start: sentence.start,
          end: sentence.end,
          text: local,
          trigger: span,
          triggers: [span],
          actors: actors.map((actor) => actor.text),
          ...sourceAndTarget(local, actors, relative),
          place: where.placeOf(sentencePlaces, 'ASSAULT', relative),
          fatalities: null,
          injured: null,
          cumulative: false,
          background: false,
          centrality: 0,
        };
        if (recapCue(title.recalled.has('ASSAULT') ? recalledTime : time, relative, local))
          recaps.add(violent);
        list.push(violent);
      }
      if (violent) {
        violent.fatalities = casualties.killed;
        violent.injured = casualties.injured;
        // A war's running toll ("more than 30,000 people have been killed") is its background.
        // So is a toll told right after one ("At least 519 have been killed in the West Bank").
        const warToll =
          (casualties.cumulative || casualties.perfect) &&
          ((casualties.killed ?? 0) >= WAR_TOLL_AT_LEAST || lastWarToll === index - 1) &&
          time.now.length === 0;
        if (warToll) lastWarToll = index;
        violent.cumulative = casualties.cumulative || warToll;
        if (warToll) recaps.add(violent);
      }
    }
    if (CONTEXT_SENTENCE.test(local)) for (const event of list) recaps.add(event);
    for (const event of recaps) {
      event.background = true;
      if (VIOLENT.has(event.category)) lastRecap = index;
    }
    addThreatModes(list);
    for (const event of list) {
      if (event.realis === 'actual') recapOf.set(event.category, recaps.has(event));
      if (event.place && event.realis === 'actual') {
        where.incident.set(event.category, { place: event.place, sentence: index });
        // Only an incident's place carries to the next sentence: where someone spoke, met or
        // sent aid ("Speaking in Brussels, he called for ...") is not where the strike told next
        // happened.
        if (VIOLENT.has(event.category)) where.previous = { place: event.place, sentence: index };
      }
      events.push(event);
      sentenceOf.push(index);
    }
  }
  assignCentrality(events, sentenceOf, sentences.length, title.categories, !title.explainer);
  return events;
}

/** "Why are Israel and Hamas fighting?": the clause of the trigger ends in a question mark. */
function endsInQuestion(sentence: string, at: { end: number }): boolean {
  return /^[^.!?]*\?/.test(sentence.slice(at.end));
}

/** A THREATEN event takes its mode from what the sentence threatens ("threatened to shell"). */
function addThreatModes(list: EventMention[]): void {
  for (const threat of list) {
    if (threat.category !== 'THREATEN' || threat.mode !== null) continue;
    const threatened = list.find((event) => event.realis === 'threatened');
    const mode = threatened ? threatMode(threatened.category, threatened.mode) : null;
    if (mode) {
      threat.mode = mode;
      threat.score = ploverScore('THREATEN', mode);
    }
  }
}

/**
 * Who acts on whom: in the active voice the nearest actor before the trigger acts and the first
 * after it is acted on; "attacked by X" (passive) swaps them.
 */
function sourceAndTarget(
  sentence: string,
  actors: readonly Match[],
  trigger: { start: number; end: number },
): { source: string | null; target: string | null } {
  const before = actors.filter((actor) => actor.start <= trigger.start).at(-1) ?? null;
  const after = actors.find((actor) => actor.start >= trigger.end) ?? null;
  const passive = /\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$/i.test(
    sentence.slice(0, trigger.start),
  );
  if (passive) {
    const agent = /^\s*(?:\S+\s+){0,3}?by\b/i.test(sentence.slice(trigger.end));
    return { source: agent ? (after?.text ?? null) : null, target: before?.text ?? null };
  }
  return { source: before?.text ?? null, target: after?.text ?? null };
}
