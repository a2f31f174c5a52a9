import type { Article } from '../../corpus/article.ts';
import { normaliseText } from '../../corpus/article-id.ts';
import { knownTopics } from '../../corpus/topics.ts';

/**
 * The known topics an article is about, by the rule the full-text search uses: a one-word term
 * matches as a word prefix (`kosov` in Kosovar), a longer term as a phrase; title, body and tags
 * count, case and diacritics folded. Stored with each statement so that `/who kirby kosovo`
 * filters on a column instead of a full-text query per row.
 */
export function topicsOf(article: Pick<Article, 'title' | 'body' | 'tags'>): string[] {
  const text = ` ${normaliseText(`${article.title} ${article.body} ${article.tags.join(' ')}`)} `;
  return knownTopics()
    .filter((topic) =>
      topic.terms.some((term) => {
        const folded = normaliseText(term);
        if (!folded) return false;
        return folded.includes(' ') ? text.includes(` ${folded} `) : text.includes(` ${folded}`);
      }),
    )
    .map((topic) => topic.key);
}
