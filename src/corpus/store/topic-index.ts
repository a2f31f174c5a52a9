import type { Database } from 'better-sqlite3';
import { knownTopics, topicsOfArticle } from '../topics.ts';
import type { Migration } from './migrations.ts';

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

export interface TopicIndex {
  /**
   * Files a just-inserted article (same transaction) under its known topics, as
   * `topicsOfArticle` gives them.
   */
  add(seq: number, published: string, topics: readonly string[]): void;
}

/**
 * Keeps `article_topics` in step with the known topics (`topicsOfArticle` decides membership):
 * on open, refiles every article under any topic whose terms changed (a new release of
 * topics.json, or a database from before this table), then files each new article as it is
 * stored. A topic refiled records the last article stored then (`since_seq`): the story index
 * read those articles without it.
 */
export function createTopicIndex(db: Database): TopicIndex {
  const topics = knownTopics().map((topic) => ({
    key: topic.key,
    // Excluded names change membership as terms do.
    signature: JSON.stringify(
      topic.excludes ? { terms: topic.terms, excludes: topic.excludes } : topic.terms,
    ),
  }));
  const insert = db.prepare('INSERT INTO article_topics (topic, published, seq) VALUES (?, ?, ?)');
  const recordedRows = db
    .prepare<[], { topic: string; terms: string; since_seq: number }>(
      'SELECT topic, terms, since_seq FROM topic_terms',
    )
    .all();
  const recorded = new Map(recordedRows.map((row) => [row.topic, row.terms]));
  const since = new Map(recordedRows.map((row) => [row.topic, row.since_seq]));
  const stale = new Set(
    topics.filter((topic) => recorded.get(topic.key) !== topic.signature).map((topic) => topic.key),
  );
  const gone = [...recorded.keys()].filter((key) => !topics.some((topic) => topic.key === key));
  if (stale.size > 0 || gone.length > 0)
    db.transaction(() => {
      const drop = db.prepare('DELETE FROM article_topics WHERE topic = ?');
      for (const key of [...gone, ...stale]) drop.run(key);
      db.prepare('DELETE FROM topic_terms').run();
      // In pages: better-sqlite3 cannot write while a read is still being iterated.
      const page = db.prepare<
        [number],
        { seq: number; published: string; title: string; body: string; tags: string }
      >(
        'SELECT seq, published, title, body, tags FROM articles WHERE seq > ? ORDER BY seq LIMIT 1000',
      );
      for (let rows = page.all(0); rows.length > 0; rows = page.all(rows.at(-1)!.seq))
        for (const row of rows)
          for (const key of topicsOfArticle({ ...row, tags: [row.tags] }))
            if (stale.has(key)) insert.run(key, row.published, row.seq);
      const record = db.prepare(
        'INSERT INTO topic_terms (topic, terms, since_seq) VALUES (?, ?, ?)',
      );
      const last =
        db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM articles').get()?.seq ??
        0;
      for (const topic of topics)
        record.run(
          topic.key,
          topic.signature,
          stale.has(topic.key) ? last : (since.get(topic.key) ?? 0),
        );
    })();

  return {
    add(seq, published, keys) {
      for (const key of keys) insert.run(key, published, seq);
    },
  };
}
