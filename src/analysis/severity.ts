import type { EventMention } from './analysis.ts';
import table from './events/severity.json' with { type: 'json' };

interface SeverityFile {
  labels: string[];
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
  /** Most dead any one sentence reports (reports of one toll are not added up). */
  fatalities: number;
  injured: number;
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

/** "armed clash by Kosovo police in Banjska": the event's phrase, actor and place. */
export function describeEvent(event: EventMention): string {
  const phrase = file.phrases[key(event)] ?? file.phrases[event.category] ?? event.category;
  return `${phrase}${event.place ? ` in ${event.place}` : ''}`;
}

/**
 * Severity from events: the highest level any actual event sets. Threatened, hypothetical,
 * denied, negated and future mentions never count. Deaths are the largest count one sentence
 * gives, since articles repeat the same toll.
 */
export function severityOf(events: readonly EventMention[]): Severity {
  const actual = events.filter((event) => event.realis === 'actual');
  const ranked = actual
    .map((event) => ({ event, level: eventLevel(event) }))
    .filter((item) => item.level > 0)
    .sort((a, b) => b.level - a.level || a.event.score - b.event.score);
  const level = ranked[0]?.level ?? 0;
  const fatalities = Math.max(0, ...actual.map((event) => event.fatalities ?? 0));
  const injured = Math.max(0, ...actual.map((event) => event.injured ?? 0));
  const reasons: string[] = [];
  for (const { event } of ranked) {
    const text = describeEvent(event);
    if (!reasons.includes(text)) reasons.push(text);
    if (reasons.length === MAX_REASONS) break;
  }
  if (fatalities > 0) reasons.splice(1, 0, `${fatalities} killed`);
  if (injured > 0) reasons.push(`${injured} injured`);
  return {
    level,
    label: severityLabel(level),
    fatalities,
    injured,
    deEscalation: actual.some((event) => DE_ESCALATION.has(key(event))),
    reasons,
  };
}
