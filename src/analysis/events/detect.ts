import type { EventMention, Realis, Span } from '../analysis.ts';
import { eventPlace, findActors, findPlaces } from './actors.ts';
import { countCasualties } from './casualties.ts';
import { BACKGROUND, IGNORED, MODE_CUES, threatMode, TRIGGERS, type Trigger } from './lexicon.ts';
import { fold, scan, wordCount, wordStarts, type Match } from './pattern.ts';
import { findCues, realisOf } from './realis.ts';
import { ploverScore } from './scores.ts';

interface Hit extends Match {
  trigger: Trigger | null;
}

/** All trigger and ignore matches in the text, overlaps resolved longest first, then by file order. */
function findHits(text: string, folded: string): Hit[] {
  const all: Hit[] = [];
  const words = wordStarts(folded);
  for (const trigger of TRIGGERS)
    for (const match of scan(trigger, folded, text, words)) all.push({ ...match, trigger });
  for (const ignored of IGNORED)
    for (const match of scan(ignored, folded, text, words)) all.push({ ...match, trigger: null });
  all.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      (a.trigger?.order ?? -1) - (b.trigger?.order ?? -1) ||
      a.start - b.start,
  );
  const kept: Hit[] = [];
  for (const hit of all)
    if (!kept.some((other) => hit.start < other.end && hit.end > other.start)) kept.push(hit);
  return kept.filter((hit) => hit.trigger !== null).sort((a, b) => a.start - b.start);
}

/** Category and mode of one trigger in its sentence: context rules, then mode cues. */
function code(trigger: Trigger, sentence: string): { category: string; mode: string | null } {
  let { category, mode } = trigger;
  const when = trigger.when;
  if (when && when.context.test(sentence) && !(when.unless && when.unless.test(sentence))) {
    category = when.category;
    mode = when.mode;
  }
  if (mode === null)
    mode = MODE_CUES.get(category)?.find((cue) => cue.regex.test(sentence))?.mode ?? null;
  return { category, mode };
}

/** How far (in words) a background mention carries to the next trigger ("battles with ... militia"). */
const backgroundChain = 6;
/** A trigger this close after another is its object, not an event of its own. */
const OBJECT_WORDS = 3;
/** How many sentences a place named once still locates events in. */
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
 * Codes the events of a text, sentence by sentence, on PLOVER categories and modes (see
 * `lexicon.json`), with their score, realis, actors (source acting on target), place and the
 * dead and injured the sentence reports. Mentions of one category with the same realis in one
 * sentence merge into one event whose `triggers` keep every word that fired. Deaths go to the
 * sentence's most conflictual violent event only, so one report is never counted twice.
 */
export function detectEvents(text: string, sentences: readonly Span[]): EventMention[] {
  const folded = fold(text);
  const hits = findHits(text, folded);
  const events: EventMention[] = [];
  let lastPlace: string | null = null;
  let sincePlace = 0;
  let cursor = 0;
  for (const sentence of sentences) {
    const inSentence: Hit[] = [];
    while (cursor < hits.length && hits[cursor]!.start < sentence.end) {
      if (hits[cursor]!.start >= sentence.start) inSentence.push(hits[cursor]!);
      cursor++;
    }
    const local = sentence.text;
    const offset = sentence.start;
    const lowerSentence = folded.slice(sentence.start, sentence.end);
    const places = findPlaces(local, lowerSentence);
    const casualties = countCasualties(local);
    if (inSentence.length === 0 && !casualties.killed && places.length === 0) {
      sincePlace++;
      continue;
    }
    const actors = findActors(local, places);
    // "Kosovo police" names an actor, not where the event happened.
    const located = places.filter(
      (place) => !actors.some((actor) => place.start < actor.end && place.end > actor.start),
    );
    const here = eventPlace(local, located);
    // A place carries over to the next sentences ("... in Banjska. Three attackers were killed.").
    sincePlace = here ? 0 : sincePlace + 1;
    if (here) lastPlace = here;
    const carried = sincePlace <= PLACE_CARRY ? lastPlace : null;
    const placeAt = (at: number) => (here ? eventPlace(local, located, at) : carried);
    if (inSentence.length === 0 && !casualties.killed) continue;
    const cues = findCues(lowerSentence, local);
    const subordinators: { start: number; end: number; before: number }[] = BACKGROUND.flatMap(
      (pattern) =>
        scan(pattern, lowerSentence).map((match) => ({ ...match, before: pattern.before })),
    );
    const merged = new Map<string, EventMention>();
    for (const hit of inSentence) {
      const coded = code(hit.trigger!, lowerSentence);
      const relative = { start: hit.start - offset, end: hit.end - offset };
      const { realis, cue } = realisOf(local, cues, relative, coded.category);
      const triggerSpan: Span = { start: hit.start, end: hit.end, text: hit.text };
      const key = `${coded.category}|${realis}`;
      const score = ploverScore(coded.category, coded.mode);
      const existing = merged.get(key);
      const background = subordinators.some(
        (word) =>
          word.end <= relative.start &&
          wordCount(local.slice(word.end, relative.start)) <= word.before,
      );
      if (background) subordinators.push({ ...relative, before: backgroundChain });
      // The object of the trigger before it ("suspended aid", "rejected an offer of talks").
      else subordinators.push({ ...relative, before: OBJECT_WORDS });
      if (existing) {
        existing.triggers.push(triggerSpan);
        existing.background &&= background;
        if (coded.mode && (existing.mode === null || score < existing.score)) {
          existing.mode = coded.mode;
          existing.score = score;
        }
        continue;
      }
      const roles = sourceAndTarget(local, actors, relative);
      merged.set(key, {
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
        place: placeAt(relative.start),
        fatalities: null,
        injured: null,
        background,
      });
    }
    const list = [...merged.values()];
    // With no main event left, the sentence is about its background ("after a policeman was killed").
    if (list.every((event) => event.background)) for (const event of list) event.background = false;
    if (casualties.killed !== null || casualties.injured !== null) {
      let violent = list
        .filter((event) => VIOLENT.has(event.category))
        .sort(
          (a, b) =>
            REALIS_ORDER.indexOf(a.realis) - REALIS_ORDER.indexOf(b.realis) || a.score - b.score,
        )[0];
      if (!violent && casualties.killed) {
        // "Two policemen died": deaths with no other trigger are an attack of unknown mode.
        const words = casualties.words[0] ?? local;
        const at = local.indexOf(words);
        const span: Span = { start: offset + at, end: offset + at + words.length, text: words };
        const relative = { start: at, end: at + words.length };
        const { realis, cue } = realisOf(local, cues, relative, 'ASSAULT');
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
          place: placeAt(relative.start),
          fatalities: null,
          injured: null,
          background: false,
        };
        list.push(violent);
      }
      if (violent) {
        violent.fatalities = casualties.killed;
        violent.injured = casualties.injured;
      }
    }
    addThreatModes(list);
    events.push(...list);
  }
  return events;
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
