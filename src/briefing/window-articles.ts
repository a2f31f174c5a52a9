import type { Analysis } from '../analysis/analysis.ts';
import type { Article } from '../corpus/article.ts';
import type { Store } from '../corpus/store/store.ts';
import type { TopicWindow } from './topic-window.ts';

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

/** The newest articles of the window, newest first, each with its stored analysis. */
export function windowArticles(
  store: Store,
  window: TopicWindow,
  limit = MAX_BRIEFING_ARTICLES,
): WindowArticle[] {
  return store
    .search({ terms: window.topic.terms, from: window.from, to: window.to, limit })
    .map((article) => ({ article, analysis: store.getAnalysis(article.id) }));
}
