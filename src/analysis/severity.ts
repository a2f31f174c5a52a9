import type { EventMention } from './analysis.ts';
import { countCasualties } from './events/casualties.ts';
import table from './events/severity.json' with { type: 'json' };

interface SeverityFile {
  labels: string[];
  central: number;
  passing: number;
  levels: Record<string, number>;
  deadly: string[];
  deEscalation: string[];
  phrases: Record<string, string>;
}

const file = table as unknown as SeverityFile;
const DEADLY = new Set(file.deadly);
const DE_ESCALATION = new Set(file.deEscalation);
const MAX_REASONS = 3;

/** Severity of an article (or a story): a level 0-5 from its events and the reasons for it. */
export interface Severity {
  level: number;
  label: string;
  /**
   * The dead of the article's own events: per group of people the largest count one sentence
   * gives (reports repeat a toll), the groups added up; 0 when none; a running total when
   * `cumulative`.
   */
  fatalities: number;
  injured: number;
  /** `fatalities` is a running total ("the death toll rose to 30"), not one event's dead. */
  cumulative: boolean;
  /** An actual ceasefire, withdrawal, disarmament, release or reopening. */
  deEscalation: boolean;
  /** What set the level, most severe first: "armed clash in Banjska", "3 killed". */
  reasons: string[];
}

/** The words of the 0-5 scale ("armed clash or attack"). */
export function severityLabel(level: number): string {
  return file.labels[Math.max(0, Math.min(file.labels.length - 1, level))] ?? 'calm';
}

const key = (event: EventMention) => `${event.category}:${event.mode ?? ''}`;

/** The level one event sets: 0 unless it is actual; deadly violence when it reports deaths. */
export function eventLevel(event: EventMention): number {
  if (event.realis !== 'actual') return 0;
  if ((event.fatalities ?? 0) > 0 && DEADLY.has(event.category)) return 5;
  return file.levels[key(event)] ?? file.levels[event.category] ?? 0;
}

/** Triggers that tell only that people died, not how ("four more hostages have died"). */
const DEATH_WORDS = /(?:^|\s)(?:kill\w*|died|dies|dead|deaths?|death toll|casualties|fatalities)$/i;

/**
 * "armed clash in Banjska": the event's phrase and place. An attack whose words say no more
 * than strikes ("killed by Israeli strikes around Khan Younis") is "strikes"; one whose words
 * only count the dead ("four more hostages' deaths confirmed") is "deaths": "attack" claimed
 * more than the report.
 */
export function describeEvent(event: EventMention): string {
  let phrase = file.phrases[key(event)] ?? file.phrases[event.category] ?? event.category;
  if (event.category === 'ASSAULT' && !event.mode) {
    const words = event.triggers.map((trigger) => trigger.text.toLowerCase());
    if (words.some((word) => /(?:^|\s)strikes?$/.test(word))) phrase = 'strikes';
    else if (words.length > 0 && words.every((word) => DEATH_WORDS.test(word))) phrase = 'deaths';
  }
  return `${phrase}${event.place ? ` in ${event.place}` : ''}`;
}

/**
 * "deaths in Jabalia" beside "air strike in Jabalia" and "110 killed": a reason that only says
 * people died, where the toll and another reason at the same place (or anywhere, when it names
 * none) say it already.
 */
function toldElsewhere(text: string, all: readonly string[], fatalities: number): boolean {
  const deaths = /^(?:mentions )?deaths(?: in (.+))?$/.exec(text);
  if (!deaths || fatalities === 0) return false;
  const place = deaths[1];
  return all.some(
    (other) =>
      other !== text && !other.includes('deaths') && (!place || other.endsWith(` in ${place}`)),
  );
}

/**
 * The dead an article's new reports add up to: reports of one group of people (security
 * forces, armed men, everyone else) repeat one toll, so the largest count of each group counts,
 * and the groups add up ("a police officer was killed ... three attackers were killed" = 4).
 * A count of people at large at least as large as the groups' may be their total ("four people
 * were killed: an officer and three attackers"); a smaller one cannot be, and adds to them ("a
 * woman and her son were killed ... the army killed four gunmen" = 6, not 4).
 */
function newDead(events: readonly EventMention[]): number {
  const byGroup = new Map<string, number>();
  let largest = 0;
  for (const event of events) {
    if (!event.fatalities) continue;
    largest = Math.max(largest, event.fatalities);
    for (const [group, n] of Object.entries(countCasualties(event.text).groups))
      byGroup.set(group, Math.max(byGroup.get(group) ?? 0, n));
  }
  const people = byGroup.get('people') ?? 0;
  byGroup.delete('people');
  const groups = [...byGroup.values()].reduce((sum, n) => sum + n, 0);
  return Math.max(largest, people < groups ? people + groups : people);
}

/** Whether the article is about the event (title, lead, repetition) rather than passing by it. */
export const isCentral = (event: EventMention): boolean => event.centrality >= file.central;

/**
 * An article's severity from the events it reports as news: actual, not background (recaps of
 * earlier violence, a war's running toll, history). Events central to the article set the
 * level; a passing mention sets at most "rhetoric and tension", so commentary, politics at home and
 * culture pieces about a war score by what they report, not by the war's vocabulary.
 * Threatened, hypothetical, denied, negated and future mentions never count. Deaths are those
 * of the central events (see `newDead`).
 */
export function severityOf(events: readonly EventMention[]): Severity {
  const reported = events.filter((event) => event.realis === 'actual' && !event.background);
  const ranked = reported
    .map((event) => {
      const level = eventLevel(event);
      return { event, level: isCentral(event) ? level : Math.min(level, file.passing) };
    })
    .filter((item) => item.level > 0)
    .sort(
      (a, b) =>
        b.level - a.level ||
        Number(isCentral(b.event)) - Number(isCentral(a.event)) ||
        a.event.score - b.event.score,
    );
  const level = ranked[0]?.level ?? 0;
  const central = reported.filter(isCentral);
  const largest = (list: readonly EventMention[], field: 'fatalities' | 'injured') =>
    Math.max(0, ...list.map((event) => event[field] ?? 0));
  const fresh = newDead(central.filter((event) => !event.cumulative));
  const fatalities =
    fresh > 0
      ? fresh
      : largest(
          central.filter((event) => event.cumulative),
          'fatalities',
        );
  const cumulative = fresh === 0 && fatalities > 0;
  const injured = largest(central, 'injured');
  const reasons: string[] = [];
  const described = ranked.map(
    ({ event }) => `${isCentral(event) ? '' : 'mentions '}${describeEvent(event)}`,
  );
  for (const text of described) {
    if (reasons.includes(text) || toldElsewhere(text, described, fatalities)) continue;
    reasons.push(text);
    if (reasons.length === MAX_REASONS) break;
  }
  if (fatalities > 0)
    reasons.splice(1, 0, cumulative ? `death toll ${fatalities}` : `${fatalities} killed`);
  if (injured > 0) reasons.push(`${injured} injured`);
  return {
    level,
    label: severityLabel(level),
    fatalities,
    injured,
    cumulative,
    deEscalation: central.some((event) => DE_ESCALATION.has(key(event))),
    reasons,
  };
}
