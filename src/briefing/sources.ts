import type { Article } from '../corpus/article.ts';
import type { SourceRef } from '../core/reply.ts';

/** The article fields every view cites. */
export interface ArticleRef {
  id: string;
  title: string;
  outlet: string;
  url: string | null;
  published: string;
}

export function articleRef(article: Article): ArticleRef {
  const { id, title, outlet, url, published } = article;
  return { id, title, outlet, url, published };
}

/**
 * Numbers articles for citation: `[1]` is the first article in the given order. Returns the
 * source list and a lookup from article id to its number.
 */
export function numberSources(articles: readonly Article[]): {
  sources: SourceRef[];
  numberOf: Map<string, number>;
} {
  const numberOf = new Map<string, number>();
  const sources: SourceRef[] = [];
  for (const article of articles) {
    if (numberOf.has(article.id)) continue;
    const n = sources.length + 1;
    numberOf.set(article.id, n);
    sources.push({
      n,
      title: article.title,
      outlet: article.outlet,
      url: article.url,
      published: article.published,
    });
  }
  return { sources, numberOf };
}
