import type { Analysis, EventMention } from '../analysis.ts';
import { detectEvents, namesMilitaryOperation } from '../events/detect.ts';
import { foldedWords } from '../folded-words.ts';
import { DEMONYMS, isOrganisationName, isPlace, STOP_WORDS } from '../lexicon.ts';
import { splitSentences } from '../sentences.ts';
import { eventLevel, severityOf, type Severity } from '../severity.ts';
import { readHeadline, type Headline } from './headline.ts';
import { attackRoles, countryOf, partiesBefore, type AttackRoles } from './roles.ts';

/**
 * Where a news report says what happened: the events of its opening sentences. Later sentences
 * carry background (earlier strikes, the war's toll, history) that every report on a war
 * repeats; a human-interest piece or a protest at home reports its own subject first.
 */
const LEAD_CHARS = 400;

/**
 * A word's family, crudely: without its inflection and cut to five letters (strike, strikes:
 * "strik"; attacked: "attac"; killed, killing: "kill"), so "Gaza Strip" stays apart from a strike.
 */
function stemOf(word: string): string {
  const bare = word.replace(/(?:ings|ing|ed|es|s|e)$/, '');
  return (bare.length >= 3 ? bare : word).slice(0, 5);
}
/**
 * The words of a trigger that name its event, by stem: a pattern's trigger holds its object and
 * the words between ("battled Israeli forces", "launched a barrage of rockets"), and neither a
 * side's name nor a function word says which event it is. Shared with a headline about a deal
 * for "Israeli hostages", "Israeli" and "a" had made a lead's battle the deal's news.
 */
function eventStems(trigger: string): string[] {
  return foldedWords(trigger)
    .filter(
      (word) =>
        !STOP_WORDS.has(word) && !DEMONYMS.has(word) && !isPlace(word) && !isOrganisationName(word),
    )
    .map(stemOf);
}

/** Headline words that report deaths, by stem. */
const DEATH_STEMS = new Set(['kill', 'dead', 'death', 'died', 'dies', 'dying', 'slain', 'massa']);

/** Background mentions ("after the 7 October attack") report no event of the day. */
const isNews = (event: EventMention) => !event.background;

/**
 * Reactions that take the event they react to as having happened ("condemned the strike",
 * "blamed the group for the attack"). An accusation does not: "accused Israel of a massacre"
 * reports a charge, not a massacre.
 */
const REACTION = /^(?:condemn|denounc|deplor|decr[iy]|blam|outrag)/i;
const isReaction = (event: EventMention) =>
  event.category === 'ACCUSE' &&
  !event.background &&
  event.triggers.some((trigger) => REACTION.test(trigger.text));

/** `text` with [start, end) blanked out, every other character where it was. */
const blank = (text: string, start: number, end: number) =>
  `${text.slice(0, start)}${' '.repeat(end - start)}${text.slice(end)}`;

/**
 * The lead's events that are background only as what a reaction of their sentence is about:
 * "The government has condemned US strikes which targeted militia sites on Wednesday" tells the
 * strikes as news, though they are the condemnation's object. Each is found by reading its sentence again with the
 * reaction's words blanked out, on the article's day: an event still background then is a
 * recap ("condemned the 7 October attacks") or subordinate to something else.
 */
function reactionObjects(events: readonly EventMention[], published: string): Set<EventMention> {
  const found = new Set<EventMention>();
  for (const reaction of events) {
    if (!isReaction(reaction) || reaction.start >= LEAD_CHARS) continue;
    const objects = events.filter(
      (event) =>
        event.background &&
        !event.cumulative &&
        event.start === reaction.start &&
        event.trigger.start > reaction.trigger.start,
    );
    if (objects.length === 0) continue;
    let text = reaction.text;
    for (const { start, end } of reaction.triggers)
      text = blank(text, start - reaction.start, end - reaction.start);
    const again = detectEvents(text, splitSentences(text), { published });
    for (const event of objects)
      if (
        again.some(
          (other) =>
            !other.background &&
            other.category === event.category &&
            other.trigger.start === event.trigger.start - reaction.start,
        )
      )
        found.add(event);
  }
  return found;
}

/** What a side does on its way to fighting: force posture and coercion. */
const STEPS_TOWARD_FIGHTING = new Set(['MOBILIZE', 'COERCE']);

/** The level of an armed clash or an attack, the least a headline's fighting reaches. */
const ATTACK_LEVEL = 4;

/** What one article tells its story: the severity of the event it reports, and its headline. */
export interface ReportSignal {
  /**
   * Level, deaths, de-escalation and reasons of the event the article reports: `severityOf`
   * (the events analysis's severity) over the events of its lead, capped at the level its
   * headline reports. A question headline (an explainer, an analysis) reports nothing new.
   */
  severity: Severity;
  headline: Headline;
  /** The level the headline's own events reach: a headline that states the event scores high. */
  headlineLevel: number;
  /** Who attacked whom in the attacks the report tells (none for a question headline). */
  roles: AttackRoles;
  /**
   * True for a transcript (speaker-labelled turns: a briefing, a call): its headline names the
   * occasion, so it rates no event, and a briefing does not read its 0 as calm.
   */
  record: boolean;
}

/**
 * The one place that turns an article's events analysis into what it tells its story, so that
 * better event coding (places, counts, background, centrality) flows into stories, briefings,
 * timelines and alerts alike.
 *
 * A report's event is what both its headline and its lead report. The lead gives the event its
 * place, toll and reasons; the headline says which event the article is about: a piece on a
 * protest in London whose lead recalls the war's dead reports a protest, not deaths; a
 * human-interest story with no event in its headline reports none. So a lead event counts when
 * the headline reports an event at least as grave, or names it (a word of its trigger's family:
 * "strikes" for a lead's "air strike", or deaths for a lead's toll; not the words of an event
 * it only fears, threatens or denies: "amid attack fears"), and a step back (ceasefire,
 * withdrawal, release) counts only when the headline reports one too. The lead's background
 * mentions (recaps, the war's toll) never count; the headline's do, since headlines put the
 * news in a subordinate clause too, except for a step back ("as ceasefire ends" is no
 * ceasefire).
 */
export function reportSignal(
  article: { title: string; body: string; published: string },
  analysis: Analysis,
): ReportSignal {
  const headline = readHeadline(article.title, article.body);
  // A transcript: its turns are on the record. A statement's paragraphs are too, but it may
  // join the news it speaks of (`official-statement.ts`).
  const record = !analysis.issuer && analysis.quotes.some((quote) => quote.onRecord === true);
  if (headline.kind === 'question')
    return {
      severity: severityOf([]),
      headline,
      headlineLevel: 0,
      roles: { attackers: [], targets: [] },
      record,
    };
  // A headline compresses: "Charity halts work after strike kills staff" reports the strike.
  // Read on the article's day, so a date in it can tell a recap ("killed in 7 October attacks").
  const titleEvents = detectEvents(article.title, splitSentences(article.title), {
    published: article.published,
  });
  // headlineLevel() below reads a stored headline the same way.
  const title = severityOf(titleEvents);
  // Nor does one it dates before the report's day ("soldier killed in 7 October attacks"):
  // background on that day, news when read without it; nor a war's running toll ("death toll
  // soars past 25,000"), which tells of no event of the day.
  const undated = detectEvents(article.title, splitSentences(article.title));
  const recap = (event: EventMention) =>
    event.background &&
    (event.cumulative ||
      undated.some((other) => other.trigger.start === event.trigger.start && !other.background));
  // An event the headline only fears, threatens or denies ("amid attack fears") names no
  // event of the lead: its words are left out of the families the headline names.
  let named = article.title;
  for (const event of titleEvents)
    if (event.realis !== 'actual' || recap(event))
      for (const trigger of event.triggers) named = blank(named, trigger.start, trigger.end);
  const headlineStems = new Set(foldedWords(named).map(stemOf));
  const deathInHeadline = [...headlineStems].some((stem) => DEATH_STEMS.has(stem));
  const operation = namesMilitaryOperation(named);
  // A headline's reaction reports what it reacts to: "Iraq condemns US air strikes" reports
  // the strikes, though they are what the condemnation is about. Other subordinate events stay
  // background: "officers sacked over fatal attack" reports a sacking after an earlier attack.
  const reacts = (event: EventMention) =>
    titleEvents.some((other) => isReaction(other) && other.trigger.start < event.trigger.start);
  const reported = severityOf(
    titleEvents.map((event) =>
      event.background && !recap(event) && reacts(event) ? { ...event, background: false } : event,
    ),
  );
  // A headline that tells of a side's step toward fighting (an evacuation ordered ahead of an
  // operation, troops sent in) opens the story of that side's attacks: "Israel orders
  // evacuation of part of Gaza humanitarian zone" reports the lead's "at least 70 people have
  // been killed by Israeli strikes around Khan Younis". Another side's attack, or a step the
  // headline only fears, is not its news.
  const stepping = new Set(
    titleEvents
      .filter(
        (event) =>
          isNews(event) &&
          event.realis === 'actual' &&
          STEPS_TOWARD_FIGHTING.has(event.category) &&
          eventLevel(event) > 0,
      )
      .flatMap((event) => [...partiesBefore(article.title, event.trigger.start)]),
  );
  const sameSideAttack = (event: EventMention) =>
    stepping.size > 0 && attackRoles([event]).attackers.some((party) => stepping.has(party));
  const inHeadline = (event: EventMention) =>
    eventLevel(event) <= reported.level ||
    sameSideAttack(event) ||
    event.triggers.some((trigger) =>
      eventStems(trigger.text).some((stem) => headlineStems.has(stem)),
    ) ||
    (deathInHeadline && (event.fatalities ?? 0) > 0) ||
    (operation && event.category === 'ASSAULT');
  const reactedTo = reactionObjects(analysis.events, article.published);
  const lead = analysis.events
    .filter(
      (event) =>
        (isNews(event) || reactedTo.has(event)) && event.start < LEAD_CHARS && inHeadline(event),
    )
    .map((event) => (event.background ? { ...event, background: false } : event));
  const severity = severityOf(lead);
  // "Battle in east Rafah amid crossing reopening dispute": a step back beside fighting the
  // headline reports as the day's news is no step back in the story.
  const titleNews = titleEvents.filter(isNews);
  const fighting = titleNews.some((event) => eventLevel(event) >= ATTACK_LEVEL);
  return {
    severity: {
      ...severity,
      deEscalation: severity.deEscalation && !fighting && severityOf(titleNews).deEscalation,
    },
    headline,
    headlineLevel: title.level,
    roles: withPlaces(
      attackRoles(lead.filter((event) => event.realis === 'actual')),
      titleEvents.filter((event) => event.realis === 'actual' && !recap(event)),
    ),
    record,
  };
}

/**
 * The roles, placed by the headline's own events when the lead's attacks name no country:
 * "Israel accused of targeting civilians in deadly West Bank strike" is news of the West Bank,
 * though its lead tells the strike as ten days old.
 */
function withPlaces(roles: AttackRoles, headline: readonly EventMention[]): AttackRoles {
  if ((roles.places ?? []).length > 0) return roles;
  const places = new Set<string>();
  for (const event of headline) {
    const country = countryOf(event.place);
    if (country) places.add(country);
  }
  return places.size > 0 ? { ...roles, places: [...places] } : roles;
}

/** The level a headline's own events reach (as `reportSignal` reads it). */
export function headlineLevel(title: string): number {
  return severityOf(detectEvents(title, splitSentences(title))).level;
}
