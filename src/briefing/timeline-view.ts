import type { Store } from '../corpus/store/store.ts';
import type { SourceRef } from '../core/reply.ts';
import {
  coverageByDay,
  bestReports,
  windowStories,
  type WindowStory,
} from '../analysis/stories/read.ts';
import type { DayPoint } from './chart.ts';
import { importanceOf, rankStories } from './importance.ts';
import { foldSyndicated } from './syndication.ts';
import { topicWindow } from './topic-window.ts';
import { topicArticles } from './window-articles.ts';

export const DEFAULT_TIMELINE_DAYS = 30;
/** Without a story index, the newest articles a timeline lists: bounded however busy the topic. */
const MAX_UNINDEXED_ARTICLES = 300;
/** A busy day shows at most this many events: the budget goes to the days that matter. */
const PER_DAY = 3;
const DAY_MS = 86_400_000;

/** The `/timeline` view: the `data` of `sitrep ask --json`. */
export interface TimelineView {
  topic: string;
  window: { from: string; to: string };
  /** The window's key events (one line each), oldest first. */
  stories: { date: string; text: string; severity: number | null; citations: number[] }[];
  /** How many events the window holds in all; the rest page on through `/sources`. */
  totalStories: number;
  /** Every day of the window, oldest first, including days without coverage. */
  days: DayPoint[];
  sources: SourceRef[];
}

/**
 * How many lines a timeline of `days` days gives: about one a day on average, plus a tenth more
 * for the days that matter (a 40-day war timeline reads as 44 turning points, not 300 articles).
 */
export function lineBudget(days: number): number {
  return Math.max(1, Math.ceil(days)) + Math.ceil(days / 10);
}

/**
 * The key events of a window, oldest first: the most important stories (`importanceOf`) up to
 * the line budget, at most three on one day, so a quiet week keeps its one event a day and a
 * day of carnage shows its three gravest, not its thirty articles.
 */
export function keyEvents(
  stories: readonly WindowStory[],
  window: { from: string },
  budget: number,
): WindowStory[] {
  const perDay = new Map<string, number>();
  const chosen: WindowStory[] = [];
  for (const story of rankStories(stories, window)) {
    if (chosen.length >= budget) break;
    const day = story.eventDay.slice(0, 10);
    if ((perDay.get(day) ?? 0) >= PER_DAY) continue;
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    chosen.push(story);
  }
  return chosen.sort(
    (a, b) =>
      a.eventDay.localeCompare(b.eventDay) || importanceOf(b, window) - importanceOf(a, window),
  );
}

/** The window's days, each with its article count by level and its gravest new event. */
function chartDays(
  store: Store,
  window: ReturnType<typeof topicWindow>,
  stories: readonly WindowStory[],
): DayPoint[] {
  const counted = new Map(
    coverageByDay(store.db, window.topic, window.from, window.to).map((day) => [day.date, day]),
  );
  const scored = stories.length > 0;
  const strongest = new Map<string, number>();
  for (const story of stories) {
    if (story.central === 0) continue;
    const day = story.eventDay.slice(0, 10);
    strongest.set(day, Math.max(strongest.get(day) ?? 0, story.level));
  }
  const days: DayPoint[] = [];
  const last = Date.parse(window.to.slice(0, 10));
  for (let at = Date.parse(window.from.slice(0, 10)); at <= last; at += DAY_MS) {
    const date = new Date(at).toISOString().slice(0, 10);
    const day = counted.get(date);
    days.push({
      date,
      articles: day?.articles ?? 0,
      byLevel: day?.byLevel ?? [0, 0, 0, 0, 0, 0],
      strongestNew: scored ? (strongest.get(date) ?? 0) : null,
    });
  }
  return days;
}

/**
 * A topic's key events in date order with a chart of every day of the window: all its
 * articles counted (an aggregate, not a capped read), coloured by the level they report, and
 * the gravest event each day brought. Without a story index it lists the newest articles.
 */
export function buildTimeline(
  store: Store,
  topicInput: string,
  now: Date,
  days = DEFAULT_TIMELINE_DAYS,
): TimelineView {
  const window = topicWindow(store, topicInput, now, days);
  const stories = windowStories(store.db, window.topic, window.from, window.to);
  const view = {
    topic: window.topic.label,
    window: { from: window.from, to: window.to },
    days: chartDays(store, window, stories),
  };
  if (stories.length === 0) {
    const { items } = topicArticles(store, topicInput, now, days, MAX_UNINDEXED_ARTICLES);
    const groups = foldSyndicated(items).reverse().slice(-lineBudget(days));
    return {
      ...view,
      totalStories: groups.length,
      stories: groups.map((group, index) => ({
        date: group.items[0]!.article.published,
        text: group.items[0]!.article.title,
        severity: null,
        citations: [index + 1],
      })),
      sources: groups.map((group, index) => {
        const { title, outlet, url, published } = group.items[0]!.article;
        return { n: index + 1, title, outlet, url, published };
      }),
    };
  }
  const chosen = keyEvents(stories, window, lineBudget(days));
  const best = bestReports(store.db, window, chosen, 1);
  const sources: SourceRef[] = [];
  const lines: TimelineView['stories'] = [];
  for (const story of chosen) {
    // The report its title comes from, else its best report on the topic in the window.
    const cited = best.get(story.id)?.[0];
    const article = cited ? store.getArticle(cited.articleId) : null;
    const citations: number[] = [];
    if (article) {
      const { title, outlet, url, published } = article;
      sources.push({ n: sources.length + 1, title, outlet, url, published });
      citations.push(sources.length);
    }
    // A story of transcripts only rates no event (see `NOT_RATED_ESCALATION`).
    const severity = story.records === story.reports ? null : story.level;
    lines.push({ date: story.eventDay, text: story.title, severity, citations });
  }
  return {
    ...view,
    totalStories: stories.filter((story) => story.central > 0).length,
    stories: lines,
    sources,
  };
}
