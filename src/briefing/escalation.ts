import { escalationOf } from '../analysis/escalation.ts';
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
 * The topic's escalation level, trend and reasons over the window, from the events (stories)
 * the topic is central to (`escalationOf`). Unknown when the story index holds none of the
 * window's articles: sitrep does not guess escalation from word counts.
 */
export function escalationFor(
  stories: readonly WindowStory[],
  window: { from: string; to: string },
): EscalationView {
  if (stories.length === 0) return UNKNOWN_ESCALATION;
  const { level, label, trend, signals } = escalationOf(
    stories.filter((story) => story.central > 0),
    window,
  );
  return { level, label, trend, signals };
}
