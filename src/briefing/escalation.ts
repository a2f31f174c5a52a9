import { escalationOf } from '../analysis/escalation.ts';
import type { StoryLink } from './story-links.ts';
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
 * The topic's escalation level, trend and reasons over the briefing's articles, computed by the
 * events analysis (`escalationOf`, the rule behind `topicEscalation`) from the severity rows of
 * the articles the briefing read. Unknown when none of them was indexed by the events analysis:
 * sitrep does not guess escalation from word counts.
 */
export function escalationFor(
  groups: readonly SourceGroup[],
  links: ReadonlyMap<string, StoryLink>,
  window: { from: string; to: string },
): EscalationView {
  const rows = groups
    .flatMap((group) => group.items.map((item) => links.get(item.article.id)))
    .filter((row): row is StoryLink => row !== undefined)
    .sort((a, b) => a.published.localeCompare(b.published));
  if (rows.length === 0) return UNKNOWN_ESCALATION;
  const { level, label, trend, signals } = escalationOf(rows, window);
  return { level, label, trend, signals };
}
