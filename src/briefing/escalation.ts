import { escalationOf } from '../analysis/escalation.ts';
import { isOfficialDocument } from '../analysis/stories/official-titles.ts';
import type { WindowStory } from '../analysis/stories/read.ts';

export interface EscalationView {
  /** 0 calm .. 5 open fighting with deaths; null while no event analysis is available. */
  level: number | null;
  label: string;
  trend: 'rising' | 'steady' | 'falling' | null;
  /** Why: the events that set the level, with their tolls. */
  signals: string[];
}

export const UNKNOWN_ESCALATION: EscalationView = {
  level: null,
  label: 'unknown',
  trend: null,
  signals: [],
};

/**
 * The window's stories are all transcripts (briefings, calls), or official documents that rate
 * no event (readouts, statements): their headlines name the occasion, not an event, so their
 * level of 0 says nothing, and "calm" would mislead.
 */
export const NOT_RATED_ESCALATION: EscalationView = {
  level: null,
  label: 'not rated',
  trend: null,
  signals: [],
};

/**
 * The topic's escalation level, trend and reasons over the window, from the events (stories)
 * the topic is central to (`escalationOf`). Unknown when the story index holds none of the
 * window's articles: sitrep does not guess escalation from word counts. Not rated when those
 * stories are all transcripts, or all transcripts and official documents (`isOfficialDocument`)
 * and the level is 0: a White House fortnight of readouts of calls about Gaza had rated Gaza
 * "calm". An official statement that reports an attack still rates it.
 */
export function escalationFor(
  stories: readonly WindowStory[],
  window: { from: string; to: string },
): EscalationView {
  if (stories.length === 0) return UNKNOWN_ESCALATION;
  const central = stories.filter((story) => story.central > 0);
  const read = central.length > 0 ? central : stories;
  const transcripts = (story: WindowStory) => story.records === story.reports;
  if (read.every(transcripts)) return NOT_RATED_ESCALATION;
  const { level, label, trend, signals } = escalationOf(central, window);
  if (level === 0 && read.every((story) => transcripts(story) || isOfficialDocument(story.title)))
    return NOT_RATED_ESCALATION;
  return { level, label, trend, signals };
}
