import type { Analysis } from '../analysis/analysis.ts';
import { bestReports, type ReportWindow, type WindowStory } from '../analysis/stories/read.ts';
import type { Article } from '../corpus/article.ts';
import type { Store } from '../corpus/store/store.ts';
import { resolveTopic } from '../corpus/topics.ts';
import {
  DEFAULT_WINDOW_DAYS,
  noCoverage,
  windowEndingAt,
  type TopicWindow,
} from './topic-window.ts';

/** An article of a topic's window with its stored analysis (null if it was never analysed). */
export interface WindowArticle {
  article: Article;
  analysis: Analysis | null;
}

/**
 * At most this many articles feed a briefing: the newest of the window. It bounds the work of
 * `/briefing` however large the corpus grows; beyond a few dozen articles a topic's week adds
 * little that its newest coverage does not already say.
 */
export const MAX_BRIEFING_ARTICLES = 40;

/**
 * The topic's window (see `topicWindow`) and its newest articles, newest first, each with its
 * stored analysis. One indexed query serves both: the newest `limit` articles up to `now`,
 * cut at the window's start. Throws NoCoverage, with the closest topics, when nothing matches.
 */
export function topicArticles(
  store: Store,
  input: string,
  now: Date,
  days = DEFAULT_WINDOW_DAYS,
  limit = MAX_BRIEFING_ARTICLES,
): { window: TopicWindow; items: WindowArticle[] } {
  const topic = resolveTopic(input);
  const newest = store.search({ topic, to: now.toISOString(), limit });
  const first = newest[0];
  if (!first) throw noCoverage(store, input);
  const window = windowEndingAt(topic, first.published, days);
  return {
    window,
    items: newest
      .filter((article) => article.published >= window.from)
      .map((article) => ({ article, analysis: store.getAnalysis(article.id) })),
  };
}

/**
 * The articles a view reads for the given stories (most important first): for each, its best
 * `perStory` reports on the topic in the window (`bestReports`: reports before slugs before
 * questions, then the gravest, then the earliest) and as many near-duplicate copies, which fold
 * into their originals as extra outlets. Each comes with its stored analysis, newest first
 * overall, as `topicArticles` returns; `readOf` gives each story's articles read, oldest first
 * (in ingest order at one instant, as the topic index orders them).
 */
export function readStoryArticles(
  store: Store,
  window: ReportWindow,
  stories: readonly WindowStory[],
  perStory: number,
): { items: WindowArticle[]; readOf: Map<string, string[]> } {
  const best = bestReports(store.db, window, stories, perStory);
  const readOf = new Map<string, string[]>();
  for (const [storyId, members] of best)
    readOf.set(
      storyId,
      [...members]
        .sort((a, b) => a.published.localeCompare(b.published) || a.seq - b.seq)
        .map((member) => member.articleId),
    );
  const items = stories
    .flatMap((story) => best.get(story.id) ?? [])
    .map((member) => store.getArticle(member.articleId))
    .filter((article): article is Article => article !== null)
    .sort((a, b) => b.published.localeCompare(a.published))
    .map((article) => ({ article, analysis: store.getAnalysis(article.id) }));
  return { items, readOf };
}
