import { splitSentences } from '../analysis/sentences.ts';
import type { QuoteKind } from '../analysis/analysis.ts';
import { normaliseText } from '../corpus/article-id.ts';
import type { Store } from '../corpus/store/store.ts';
import { ErrorId, UserError } from '../core/errors.ts';
import { articleRef, type ArticleRef } from './sources.ts';

/** The `/who` view: the `data` of `sitrep ask --json`, as DESIGN.md defines it. */
export interface WhoView {
  query: string;
  person: { name: string; aliases: string[]; roles: string[] } | null;
  candidates: string[];
  statements: {
    text: string;
    kind: QuoteKind;
    cue: string | null;
    date: string;
    article: ArticleRef;
  }[];
}

const QUOTE_MARK = /["“”«»„]/;

/** The longest capitalised name in the text that ends with the asked-for word ("John Kirby"). */
function fullNameIn(text: string, surname: string): string | null {
  const folded = normaliseText(surname);
  let best: string | null = null;
  for (const match of text.matchAll(/(?:\p{Lu}[\p{L}'’-]+\s+){0,2}\p{Lu}[\p{L}'’-]+/gu)) {
    const words = match[0].split(/\s+/);
    if (normaliseText(words.at(-1)!) !== folded) continue;
    if (!best || match[0].length > best.length) best = match[0];
  }
  return best;
}

/**
 * Finds what a person said: the sentences that name them, newest first. A first version that
 * quote attribution replaces; it already folds case and diacritics (Vucic finds Vučić).
 */
export function buildWho(store: Store, query: string, now: Date, limit = 10): WhoView {
  const words = normaliseText(query).split(' ').filter(Boolean);
  const surname = words.at(-1);
  if (!surname)
    throw new UserError(
      ErrorId.MissingOption,
      'Whose statements? Give a name, such as /who kirby.',
    );
  const articles = store.search({
    terms: [normaliseText(query)],
    to: now.toISOString(),
    limit: 200,
  });
  const statements: WhoView['statements'] = [];
  let name: string | null = null;
  for (const article of articles) {
    for (const sentence of splitSentences(article.body)) {
      const folded = ` ${normaliseText(sentence.text)} `;
      if (!folded.includes(` ${words.join(' ')} `)) continue;
      const found = fullNameIn(sentence.text, surname);
      if (found && (!name || found.length > name.length)) name = found;
      const quoted = QUOTE_MARK.test(sentence.text);
      const kind: QuoteKind = !quoted
        ? 'indirect'
        : QUOTE_MARK.test(sentence.text.trimStart()[0] ?? '')
          ? 'direct'
          : 'mixed';
      if (statements.length < limit) {
        statements.push({
          text: sentence.text,
          kind,
          cue: null,
          date: article.published,
          article: articleRef(article),
        });
      }
    }
  }
  if (statements.length === 0) {
    throw new UserError(
      ErrorId.UnknownPerson,
      `No statements by "${query.slice(0, 100)}" in the corpus.`,
    );
  }
  return {
    query,
    person: { name: name ?? query, aliases: [], roles: [] },
    candidates: [],
    statements,
  };
}
