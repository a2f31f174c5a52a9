import type { Database } from 'better-sqlite3';
import { topicIndexMigration } from './topic-index.ts';

/**
 * One step of the schema. Ids sort in the order they must run and are never reused or edited
 * once released: a database records the ids it has applied, so a file made by an older sitrep
 * is brought forward on open, and each module can add its own steps without a shared counter.
 */
export interface Migration {
  id: string;
  up(db: Database): void;
}

export const corpusMigrations: Migration[] = [
  {
    id: '0001-articles',
    up(db) {
      db.exec(`
        CREATE TABLE articles (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          content_hash TEXT NOT NULL,
          url TEXT,
          title TEXT NOT NULL,
          body TEXT NOT NULL,
          outlet TEXT NOT NULL,
          published TEXT NOT NULL,
          tags TEXT NOT NULL,
          lang TEXT NOT NULL,
          origin TEXT NOT NULL,
          ingested TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles (published);
        CREATE INDEX articles_content_hash ON articles (content_hash);
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
          title, body, tags,
          content = 'articles', content_rowid = 'seq',
          tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
          INSERT INTO articles_fts (rowid, title, body, tags) VALUES (new.seq, new.title, new.body, new.tags);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
          INSERT INTO articles_fts (articles_fts, rowid, title, body, tags)
          VALUES ('delete', old.seq, old.title, old.body, old.tags);
        END;
      `);
    },
  },
  {
    id: '0002-analyses',
    up(db) {
      db.exec(`
        CREATE TABLE analyses (
          article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
          data TEXT NOT NULL
        );
        CREATE TABLE article_entities (
          article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
          canonical TEXT NOT NULL,
          type TEXT NOT NULL,
          mentions INTEGER NOT NULL,
          PRIMARY KEY (article_id, canonical, type)
        ) WITHOUT ROWID;
        CREATE INDEX article_entities_canonical ON article_entities (canonical, type);
      `);
    },
  },
  topicIndexMigration,
  {
    // Each article's entities were also kept as rows (about 27 per article, with two indexes)
    // for a search by entity that no command made; the analysis keeps them.
    id: '0410-no-article-entities',
    up(db) {
      db.exec('DROP TABLE IF EXISTS article_entities');
    },
  },
  {
    // `count(*)` reads a whole index: tens of milliseconds at a million articles, on every
    // /status and metrics scrape. Triggers keep the number instead.
    id: '0420-article-count',
    up(db) {
      db.exec(`
        CREATE TABLE article_count (n INTEGER NOT NULL);
        INSERT INTO article_count (n) SELECT count(*) FROM articles;
        CREATE TRIGGER articles_count_ai AFTER INSERT ON articles BEGIN
          UPDATE article_count SET n = n + 1;
        END;
        CREATE TRIGGER articles_count_ad AFTER DELETE ON articles BEGIN
          UPDATE article_count SET n = n - 1;
        END;
      `);
    },
  },
  {
    // The last article stored before each topic's terms were recorded: what the story index
    // says is central to a topic (`story_window.topics`) was written without the topic up to
    // there, so a topic added later treats those reports as it treats ones from before that
    // record was kept (see `windowStories`).
    id: '0430-topic-since',
    up(db) {
      db.exec('ALTER TABLE topic_terms ADD COLUMN since_seq INTEGER NOT NULL DEFAULT 0');
    },
  },
];

/** Applies, in id order and each in its own transaction, the migrations the file lacks. */
export function migrate(db: Database, migrations: readonly Migration[]): string[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied TEXT NOT NULL)',
  );
  const applied = new Set(
    db
      .prepare<[], { id: string }>('SELECT id FROM schema_migrations')
      .all()
      .map((row) => row.id),
  );
  const record = db.prepare('INSERT INTO schema_migrations (id, applied) VALUES (?, ?)');
  const ran: string[] = [];
  for (const migration of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      migration.up(db);
      record.run(migration.id, new Date().toISOString());
    })();
    ran.push(migration.id);
  }
  return ran;
}
