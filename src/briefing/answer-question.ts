import { contentWords } from '../analysis/terms.ts';
import { normaliseText } from '../corpus/article-id.ts';
import type { Reply } from '../core/reply.ts';
import type { Services } from '../core/services.ts';
import { numberSources } from './sources.ts';
import type { BriefingSnippet } from './writer.ts';

const MAX_SOURCES = 6;
const QUESTION =
  /\?\s*$|^(who|what|when|where|why|how|is|are|was|were|did|does|do|has|have|will|can)\b/i;

/** True when a plain message reads as a question rather than a name or a search term. */
export function looksLikeQuestion(text: string): boolean {
  return QUESTION.test(text.trim());
}

/**
 * Answers a free question from the corpus through the configured model, under the same
 * verification as briefings: the model only sees numbered snippets of the most relevant
 * articles, and every sentence it writes must cite them and quote them word for word. Returns
 * null when no model is configured, nothing matches, or no sentence survives verification, so
 * the caller falls back to a plain search.
 */
export async function answerQuestion(services: Services, question: string): Promise<Reply | null> {
  const writer = services.llm;
  if (!writer) return null;
  const terms = [...new Set(contentWords(question))].filter((word) => word.length > 2);
  if (terms.length === 0) return null;
  const articles = services.store.search({
    terms,
    order: 'relevance',
    limit: MAX_SOURCES,
    to: services.clock.now().toISOString(),
  });
  if (articles.length === 0) return null;
  const { sources } = numberSources(articles);
  const snippets: BriefingSnippet[] = articles.map((article, index) => {
    const summary = services.store.getAnalysis(article.id)?.summary ?? [];
    return {
      n: index + 1,
      outlet: article.outlet,
      title: article.title,
      published: article.published,
      text: (summary.length > 0 ? summary : [article.body.slice(0, 600)]).join(' '),
    };
  });
  const sourceTexts = new Map(
    articles.map((article, index) => [index + 1, `${article.title}\n${article.body}`]),
  );
  const result = await writer.write({
    topic: question,
    cacheKey: `question:${normaliseText(question)}:${services.store.version()}`,
    snippets,
    sourceTexts,
  });
  if (!result.ok || result.summary.length === 0) return null;
  return {
    blocks: [
      { type: 'heading', text: question.length > 200 ? `${question.slice(0, 199)}…` : question },
      ...result.summary.map((sentence) => ({
        type: 'text' as const,
        text: sentence.text,
        citations: sentence.citations,
      })),
      {
        type: 'notice',
        level: 'info',
        text: 'Written by a language model from the sources below; every sentence was checked against them.',
      },
      { type: 'sources', items: sources },
    ],
  };
}
