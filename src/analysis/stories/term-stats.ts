import type { Database } from 'better-sqlite3';

/** The row of `story_terms` that holds the number of documents counted, not a term. */
const TOTAL = '';
/**
 * Documents assumed before the corpus has any: a young corpus weighs every term alike rather
 * than calling a word distinctive because it has been seen once in three articles.
 */
const PRIOR_DOCUMENTS = 20;

/** Document frequencies of story terms, for inverse document frequency weights. */
export interface TermStats {
  /** ln((N + 20) / (df + 1)): a word every report of a war uses weighs little. */
  idf(term: string): number;
  /** Counts one more document with these (distinct) terms; runs in the caller's transaction. */
  add(terms: Iterable<string>): void;
  /** Drops the cached frequencies: a transaction that counted some rolled back. */
  forget(): void;
}

/**
 * Document frequencies kept in `story_terms` beside the stories, so that they grow with the
 * corpus and survive restarts. Looked-up frequencies are cached for the indexer's lifetime and
 * kept current by `add` (and dropped by `forget` after a rollback); a single indexer writes the
 * table.
 */
export function createTermStats(db: Database): TermStats {
  const get = db.prepare<[string], { df: number }>('SELECT df FROM story_terms WHERE term = ?');
  const bump = db.prepare(`INSERT INTO story_terms (term, df) VALUES (?, 1)
    ON CONFLICT (term) DO UPDATE SET df = df + 1`);
  const cache = new Map<string, number>();
  const df = (term: string) => {
    let n = cache.get(term);
    if (n === undefined) {
      n = get.get(term)?.df ?? 0;
      if (cache.size > 200_000) cache.clear();
      cache.set(term, n);
    }
    return n;
  };
  return {
    idf: (term) => Math.log((df(TOTAL) + PRIOR_DOCUMENTS) / (df(term) + 1)),
    add(terms) {
      for (const term of new Set([TOTAL, ...terms])) {
        bump.run(term);
        cache.set(term, df(term) + 1);
      }
    },
    forget: () => cache.clear(),
  };
}
