import type { Store } from '../corpus/store/store.ts';
import type { SourceRef } from '../core/reply.ts';
import { splitSentences } from '../analysis/sentences.ts';
import { numberSources } from './sources.ts';
import { topicWindow } from './topic-window.ts';

/** The `/briefing` view: the `data` of `sitrep ask --json`, as DESIGN.md defines it. */
export interface BriefingView {
  topic: string;
  window: { from: string; to: string };
  escalation: {
    level: number | null;
    label: string;
    trend: 'rising' | 'steady' | 'falling' | null;
    signals: string[];
  };
  summary: { text: string; citations: number[] }[];
  developments: { date: string; text: string; severity: number | null; citations: number[] }[];
  actors: { name: string; role: string | null; mentions: number }[];
  quotes: { speaker: string; text: string; citation: number }[];
  sources: SourceRef[];
}

const MAX_ARTICLES = 6;

/**
 * Builds a briefing from the lead sentences of the topic's newest articles in its window.
 * Escalation, actors and quotes stay unknown until their analyses exist; the view says so
 * rather than guessing.
 */
export function buildBriefing(
  store: Store,
  topicInput: string,
  now: Date,
  days?: number,
): BriefingView {
  const window = topicWindow(store, topicInput, now, days);
  const articles = store.search({
    terms: window.topic.terms,
    from: window.from,
    to: window.to,
    limit: MAX_ARTICLES,
  });
  const { sources, numberOf } = numberSources(articles);
  const summary = articles.map((article) => ({
    text: splitSentences(article.body)[0]?.text ?? article.title,
    citations: [numberOf.get(article.id)!],
  }));
  return {
    topic: window.topic.label,
    window: { from: window.from, to: window.to },
    escalation: { level: null, label: 'unknown', trend: null, signals: [] },
    summary,
    developments: [],
    actors: [],
    quotes: [],
    sources,
  };
}
