import type { Database } from 'better-sqlite3';
import { knownTopics } from '../topics.ts';
import type { Migration } from './migrations.ts';
import { foldedWords } from '../../analysis/folded-words.ts';

/**
 * The articles of each known topic by publication time. A busy topic matches a large share of
 * the corpus, and full-text search must produce every match (prefix terms merge the lists of
 * every word they expand to) before it can order them newest first; with this table the
 * newest k articles of a topic are an index range of k rows, however large the corpus.
 */
export const topicIndexMigration: Migration = {
  id: '0003-article-topics',
  up(db) {
    db.exec(`
      CREATE TABLE article_topics (
        topic TEXT NOT NULL,
        published TEXT NOT NULL,
        seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
        PRIMARY KEY (topic, published, seq)
      ) WITHOUT ROWID;
      CREATE INDEX article_topics_seq ON article_topics (seq);
      -- The terms each topic's rows were built with, so a changed topics.json rebuilds them.
      CREATE TABLE topic_terms (topic TEXT PRIMARY KEY, terms TEXT NOT NULL);
    `);
  },
};

/** What decides an article's topics: the text a full-text search sees. */
interface ArticleText {
  title: string;
  body: string;
  /** Space-separated, as stored. */
  tags: string;
}

export interface TopicIndex {
  /** Files a just-inserted article (same transaction) under the known topics it matches. */
  add(seq: number, published: string, text: ArticleText): void;
}

/** One topic term as FTS5 reads `ftsMatch`'s output: its words, the last one maybe a prefix. */
interface TermPattern {
  words: string[];
  prefix: boolean;
}

interface IndexedTopic {
  key: string;
  /** The terms as stored in `topic_terms`, to notice a changed topics.json. */
  signature: string;
  patterns: TermPattern[];
}

const indexedTopics = (): IndexedTopic[] =>
  knownTopics().map((topic) => ({
    key: topic.key,
    signature: JSON.stringify(topic.terms),
    patterns: topic.terms
      .map((term) => ({ words: foldedWords(term), prefix: !/\s/.test(term.trim()) }))
      .filter((pattern) => pattern.words.length > 0),
  }));

/**
 * True when the words hold one of the patterns: a single word as a prefix of a word, several
 * as consecutive words (the last as a prefix when the term had no space, as in
 * "nagorno-karabakh"). This is what a full-text search for the terms matches (`ftsMatch`, the
 * unicode61 tokenizer without diacritics), on the folded words ids and SimHash use.
 */
function matchesAny(
  words: readonly string[],
  sorted: readonly string[],
  patterns: readonly TermPattern[],
): boolean {
  const fits = (word: string | undefined, wanted: string, prefix: boolean) =>
    word !== undefined && (prefix ? word.startsWith(wanted) : word === wanted);
  for (const { words: wanted, prefix } of patterns) {
    if (wanted.length === 1) {
      const first = wanted[0]!;
      const at = lowerBound(sorted, first);
      if (fits(sorted[at], first, prefix)) return true;
      continue;
    }
    for (let i = 0; i + wanted.length <= words.length; i++)
      if (wanted.every((word, j) => fits(words[i + j], word, prefix && j === wanted.length - 1)))
        return true;
  }
  return false;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The known topics an article belongs to. */
function topicsOf(topics: readonly IndexedTopic[], text: ArticleText): string[] {
  const words = foldedWords(`${text.title}\n${text.body}\n${text.tags}`);
  const sorted = [...new Set(words)].sort();
  return topics
    .filter((topic) => matchesAny(words, sorted, topic.patterns))
    .map((topic) => topic.key);
}

/**
 * Keeps `article_topics` in step with the known topics: on open, refiles every article under
 * any topic whose terms changed (a new release of topics.json, or a database from before this
 * table), then files each new article as it is stored.
 */
export function createTopicIndex(db: Database): TopicIndex {
  const topics = indexedTopics();
  const insert = db.prepare('INSERT INTO article_topics (topic, published, seq) VALUES (?, ?, ?)');
  const recorded = new Map(
    db
      .prepare<[], { topic: string; terms: string }>('SELECT topic, terms FROM topic_terms')
      .all()
      .map((row) => [row.topic, row.terms]),
  );
  const stale = topics.filter((topic) => recorded.get(topic.key) !== topic.signature);
  const gone = [...recorded.keys()].filter((key) => !topics.some((topic) => topic.key === key));
  if (stale.length > 0 || gone.length > 0)
    db.transaction(() => {
      const drop = db.prepare('DELETE FROM article_topics WHERE topic = ?');
      for (const key of [...gone, ...stale.map((topic) => topic.key)]) drop.run(key);
      db.prepare('DELETE FROM topic_terms').run();
      // In pages: better-sqlite3 cannot write while a read is still being iterated.
      const page = db.prepare<[number], ArticleText & { seq: number; published: string }>(
        'SELECT seq, published, title, body, tags FROM articles WHERE seq > ? ORDER BY seq LIMIT 1000',
      );
      for (let rows = page.all(0); rows.length > 0; rows = page.all(rows.at(-1)!.seq))
        for (const row of rows)
          for (const key of topicsOf(stale, row)) insert.run(key, row.published, row.seq);
      const record = db.prepare('INSERT INTO topic_terms (topic, terms) VALUES (?, ?)');
      for (const topic of topics) record.run(topic.key, topic.signature);
    })();

  return {
    add(seq, published, text) {
      for (const key of topicsOf(topics, text)) insert.run(key, published, seq);
    },
  };
}
