import type { Database } from 'better-sqlite3';
import { severityLabel } from './severity.ts';
import { topicArticleSeverities, type ArticleSeverityRow } from './stories/read.ts';

export type Trend = 'rising' | 'steady' | 'falling';

/** A topic's escalation over a window: the briefing's `escalation` field plus a sentence. */
export interface Escalation {
  level: number;
  label: string;
  trend: Trend;
  /** What set the level, most severe first ("armed clash in Banjska", "3 killed"). */
  signals: string[];
  /** One line: "4, rising: armed clash in Banjska; 3 killed". */
  explanation: string;
}

const MAX_SIGNALS = 4;

/**
 * The escalation level (0-5) of a topic in [from, to]: the highest severity of any article on
 * it in the window. The trend compares the later half of the window with the earlier half:
 * rising when the later half reached a higher level, falling when a lower one, or when it only
 * brought de-escalation (ceasefire, withdrawal) at the same level; steady otherwise.
 */
export function topicEscalation(
  db: Database,
  terms: readonly string[],
  window: { from: string; to: string },
): Escalation {
  return escalationOf(topicArticleSeverities(db, terms, window.from, window.to), window);
}

/** The same computation over rows already read (pure; exported for tests and the timeline). */
export function escalationOf(
  rows: readonly ArticleSeverityRow[],
  window: { from: string; to: string },
): Escalation {
  const middle = (Date.parse(window.from) + Date.parse(window.to)) / 2;
  const earlier = rows.filter((row) => Date.parse(row.published) < middle);
  const later = rows.filter((row) => Date.parse(row.published) >= middle);
  const top = (list: readonly ArticleSeverityRow[]) => Math.max(0, ...list.map((row) => row.level));
  const level = top(rows);
  let trend: Trend = 'steady';
  if (top(later) > top(earlier)) trend = 'rising';
  else if (top(later) < top(earlier)) trend = 'falling';
  else if (later.some((row) => row.deEscalation) && !earlier.some((row) => row.deEscalation))
    trend = 'falling';
  const signals: string[] = [];
  const ranked = [...rows].sort(
    (a, b) => b.level - a.level || b.published.localeCompare(a.published),
  );
  for (const row of ranked)
    for (const reason of row.reasons)
      if (signals.length < MAX_SIGNALS && !signals.includes(reason)) signals.push(reason);
  const label = severityLabel(level);
  const explanation =
    rows.length === 0
      ? '0, steady: no reports in this window'
      : `${level}, ${trend}: ${signals.length > 0 ? signals.join('; ') : label}`;
  return { level, label, trend, signals, explanation };
}
