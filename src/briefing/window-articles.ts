import type { Analysis } from '../analysis/analysis.ts';
import { HEADLINE_RANK } from '../analysis/stories/headline.ts';
import { storyMembers, type WindowStory } from '../analysis/stories/read.ts';
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
 * The articles a view reads for the given stories (most important first): for each, up to
 * `perStory` of its reports in the window, reports before slugs before questions, then the
 * gravest, then the earliest, plus as many of the window's near-duplicate copies, which fold
 * into their originals as extra outlets. Each comes with its stored analysis, newest first overall, as
 * `topicArticles` returns.
 */
export function readStoryArticles(
  store: Store,
  stories: readonly WindowStory[],
  perStory: number,
): WindowArticle[] {
  const members = storyMembers(
    store.db,
    stories.map((story) => story.id),
  );
  const chosen: string[] = [];
  for (const story of stories) {
    const inWindow = new Set(story.articleIds);
    const window = (members.get(story.id) ?? []).filter((member) => inWindow.has(member.articleId));
    const best = window
      .filter((member) => !member.nearDuplicate)
      .sort(
        (a, b) =>
          HEADLINE_RANK[b.kind] - HEADLINE_RANK[a.kind] ||
          b.level - a.level ||
          a.published.localeCompare(b.published),
      )
      .slice(0, perStory);
    chosen.push(...best.map((member) => member.articleId));
    chosen.push(
      ...window
        .filter((member) => member.nearDuplicate)
        .slice(0, perStory)
        .map((member) => member.articleId),
    );
  }
  return chosen
    .map((id) => store.getArticle(id))
    .filter((article): article is Article => article !== null)
    .sort((a, b) => b.published.localeCompare(a.published))
    .map((article) => ({ article, analysis: store.getAnalysis(article.id) }));
}
