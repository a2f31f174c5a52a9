import { foldedWords } from '../analysis/folded-words.ts';
import { splitSentences } from '../analysis/sentences.ts';
import { contentWords, isStopword } from '../analysis/terms.ts';
import { normaliseText } from '../corpus/article-id.ts';
import type { Article } from '../corpus/article.ts';
import type { Reply } from '../core/reply.ts';
import type { Services } from '../core/services.ts';
import { numberSources } from './sources.ts';
import type { BriefingSnippet } from './writer.ts';

const MAX_SOURCES = 6;
const QUOTED_SENTENCES = 4;
const MAX_SENTENCE_CHARS = 400;
const QUESTION =
  /\?\s*$|^(who|what|when|where|why|how|is|are|was|were|did|does|do|has|have|will|can)\b/i;

/** Words that make a question without saying what it is about. */
const QUESTION_FILLER = new Set(
  'happened happen happening going latest news know tell think situation update updates'.split(' '),
);

/** True when a plain message reads as a question rather than a name or a search term. */
export function looksLikeQuestion(text: string): boolean {
  return QUESTION.test(text.trim());
}

/**
 * The words a question is searched by: the names in it (capitalised words after the first)
 * when it has any, since "What happened in Banjska?" is about Banjska and not about
 * happening; else its content words without question filler.
 */
export function questionTerms(question: string): string[] {
  const names = question
    .split(/\s+/)
    .slice(1)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => /^\p{Lu}/u.test(word) && !isStopword(word.toLowerCase()));
  if (names.length > 0) return [...new Set(names)];
  return [...new Set(contentWords(question))].filter(
    (word) => word.length > 2 && !QUESTION_FILLER.has(word),
  );
}

/** The articles most relevant to a question's terms, published by now. */
function bestMatches(services: Services, terms: string[], limit: number): Article[] {
  if (terms.length === 0) return [];
  return services.store.search({
    terms,
    order: 'relevance',
    limit,
    to: services.clock.now().toISOString(),
  });
}

/**
 * The sentence of an article that names most of the words asked about (folded, as prefixes):
 * its summary sentences are tried first, since they were chosen as its gist, then the rest of
 * its body. Null when no sentence names any of them; with the best one, how many it names.
 */
function answeringSentence(
  summary: string[],
  body: string,
  wanted: string[],
): { sentence: string; named: number } | null {
  const named = (sentence: string) =>
    new Set(foldedWords(sentence).flatMap((word) => wanted.filter((term) => word.startsWith(term))))
      .size;
  let best: { sentence: string; named: number } | null = null;
  const sentences = [...summary, ...splitSentences(body).map((span) => span.text)];
  for (const sentence of sentences) {
    // A run-on "sentence" (text with lost punctuation) is no answer to read.
    if (sentence.length > MAX_SENTENCE_CHARS) continue;
    const count = named(sentence);
    if (count > (best?.named ?? 0)) best = { sentence, named: count };
    if (best?.named === wanted.length) break;
  }
  return best;
}

/**
 * The answer when no model writes one: from each of the articles that best match the
 * question, the sentence that names most of what was asked about (`answeringSentence`;
 * only sentences naming as many of the words as the best one), oldest first so that they read
 * as a sequence of events, each cited: the two earliest and the two latest of the eight most
 * relevant articles, so the answer tells how it began and where it stands. Every sentence is quoted from its source, so
 * there is nothing to verify. Null when nothing matches.
 */
export function quotedAnswer(services: Services, question: string): Reply | null {
  const terms = questionTerms(question);
  const articles = bestMatches(services, terms, QUOTED_SENTENCES * 2);
  const wanted = terms.flatMap((term) => foldedWords(term));
  const found = articles.flatMap((article) => {
    const summary = services.store.getAnalysis(article.id)?.summary ?? [];
    const best = answeringSentence(summary, article.body, wanted);
    return best ? [{ article, ...best }] : [];
  });
  // "Netanyahu" and "hostages" asked: sentences naming both beat those naming one.
  const most = Math.max(0, ...found.map((item) => item.named));
  const dated = found
    .filter((item) => item.named === most)
    .sort((a, b) => a.article.published.localeCompare(b.article.published));
  // How it began and where it stands: the earliest and the latest of the matching articles.
  const half = QUOTED_SENTENCES / 2;
  const picked =
    dated.length > QUOTED_SENTENCES ? [...dated.slice(0, half), ...dated.slice(-half)] : dated;
  if (picked.length === 0) return null;
  const { sources, numberOf } = numberSources(picked.map((item) => item.article));
  // Syndicated copies carry the same sentence: it is shown once, citing each copy.
  const items = new Map<string, { text: string; citations: number[] }>();
  for (const { article, sentence } of picked) {
    const key = normaliseText(sentence);
    const item = items.get(key) ?? {
      text: `${article.published.slice(0, 10)}: ${sentence}`,
      citations: [],
    };
    item.citations.push(numberOf.get(article.id)!);
    items.set(key, item);
  }
  return {
    blocks: [
      { type: 'heading', text: question.length > 200 ? `${question.slice(0, 199)}…` : question },
      { type: 'list', items: [...items.values()] },
      {
        type: 'notice',
        level: 'info',
        text: 'Quoted from the articles that best match the question.',
      },
      { type: 'sources', items: sources },
    ],
  };
}

/**
 * Answers a free question from the corpus through the configured model, under the same
 * verification as briefings: the model only sees numbered snippets of the most relevant
 * articles, and every sentence it writes must cite them and quote them word for word. Returns
 * null when no model is configured, nothing matches, or no sentence survives verification, so
 * the caller falls back to `quotedAnswer`.
 */
export async function answerQuestion(services: Services, question: string): Promise<Reply | null> {
  const writer = services.llm;
  if (!writer) return null;
  const articles = bestMatches(services, questionTerms(question), MAX_SOURCES);
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
