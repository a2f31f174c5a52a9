import type { SourceGroup } from './syndication.ts';

export interface EscalationView {
  /** 0 calm .. 5 open fighting with deaths; null while no event analysis is available. */
  level: number | null;
  label: string;
  trend: 'rising' | 'steady' | 'falling' | null;
  /** Why: the events and words that set the level. */
  signals: string[];
}

export const UNKNOWN_ESCALATION: EscalationView = {
  level: null,
  label: 'unknown',
  trend: null,
  signals: [],
};

/**
 * The topic's escalation level, trend and reasons over the briefing's stories.
 *
 * Integration point: the events helper's `topicEscalation(...)` (PLOVER events and story
 * severities) fills this. Until it is connected the level is unknown; sitrep does not guess
 * escalation from word counts.
 */
export function escalationFor(_groups: readonly SourceGroup[]): EscalationView {
  return UNKNOWN_ESCALATION;
}
