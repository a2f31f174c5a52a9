import type { Store } from '../corpus/store/store.ts';
import type { SourceRef } from '../core/reply.ts';
import type { DayPoint } from './chart.ts';
import { developmentsFor } from './developments.ts';
import { storyLinks } from './story-links.ts';
import { foldSyndicated } from './syndication.ts';
import { topicArticles } from './window-articles.ts';

export const DEFAULT_TIMELINE_DAYS = 30;
/** The newest articles a timeline reads: enough for a month of dense coverage, still bounded. */
const MAX_TIMELINE_ARTICLES = 300;
const DAY_MS = 86_400_000;

/** The `/timeline` view: the `data` of `sitrep ask --json`. */
export interface TimelineView {
  topic: string;
  window: { from: string; to: string };
  /** One per story, oldest first. */
  stories: { date: string; text: string; severity: number | null; citations: number[] }[];
  /** Every day of the window, oldest first, including days without coverage. */
  days: DayPoint[];
  sources: SourceRef[];
}

/**
 * A topic's stories in date order and its coverage per day: article count and the highest
 * article severity of the events analysis (null for days it has not scored).
 */
export function buildTimeline(
  store: Store,
  topicInput: string,
  now: Date,
  days = DEFAULT_TIMELINE_DAYS,
): TimelineView {
  const { window, items } = topicArticles(store, topicInput, now, days, MAX_TIMELINE_ARTICLES);
  const groups = foldSyndicated(items);
  const links = storyLinks(
    store.db,
    groups.flatMap((group) => group.items.map((item) => item.article.id)),
  );
  const developments = developmentsFor(groups, links).reverse();
  const numberOf = new Map(developments.map((item, index) => [item.story, index + 1]));
  const byKey = new Map(groups.map((group) => [group.key, group]));

  const perDay = new Map<string, DayPoint>();
  const firstDay = Date.parse(window.from.slice(0, 10));
  const lastDay = Date.parse(window.to.slice(0, 10));
  for (let day = firstDay; day <= lastDay; day += DAY_MS) {
    const date = new Date(day).toISOString().slice(0, 10);
    perDay.set(date, { date, articles: 0, maxSeverity: null });
  }
  for (const { article } of items) {
    const point = perDay.get(article.published.slice(0, 10));
    if (!point) continue;
    point.articles++;
    const level = links.get(article.id)?.level;
    if (level !== undefined) point.maxSeverity = Math.max(point.maxSeverity ?? 0, level);
  }

  return {
    topic: window.topic.label,
    window: { from: window.from, to: window.to },
    stories: developments.map((story) => ({
      date: story.date,
      text: story.text,
      severity: story.severity,
      citations: [numberOf.get(story.story)!],
    })),
    days: [...perDay.values()],
    sources: developments.map((story) => {
      const group = byKey.get(story.groups[0]!)!;
      const { title, outlet, url, published } = group.items[0]!.article;
      return {
        n: numberOf.get(story.story)!,
        title,
        outlet,
        url,
        published,
        ...(group.outlets > 1 ? { outlets: group.outlets } : {}),
      };
    }),
  };
}
