import type { Migration } from '../corpus/store/migrations.ts';

/** Tables of the live sources: feed polling state, seen items, and the inbox log. */
export const sourceMigrations: Migration[] = [
  {
    id: '0320-sources',
    up(db) {
      db.exec(`
        CREATE TABLE feeds (
          url TEXT PRIMARY KEY,
          topics TEXT NOT NULL DEFAULT '',
          active INTEGER NOT NULL DEFAULT 1,
          etag TEXT,
          last_modified TEXT,
          baseline_done INTEGER NOT NULL DEFAULT 0,
          last_attempt TEXT,
          last_success TEXT,
          last_failure TEXT,
          last_error TEXT,
          failures INTEGER NOT NULL DEFAULT 0,
          next_poll_at INTEGER NOT NULL DEFAULT 0,
          items_added INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE TABLE feed_items (
          feed_url TEXT NOT NULL,
          item_key TEXT NOT NULL,
          seen TEXT NOT NULL,
          PRIMARY KEY (feed_url, item_key)
        ) WITHOUT ROWID;
        CREATE TABLE inbox_log (
          id INTEGER PRIMARY KEY,
          file TEXT NOT NULL,
          outcome TEXT NOT NULL CHECK (outcome IN ('processed', 'failed')),
          added INTEGER NOT NULL,
          reason TEXT,
          at TEXT NOT NULL
        );
      `);
    },
  },
  {
    id: '0325-inbox-kept',
    up(db) {
      // SQLite cannot change a CHECK constraint in place: the log is copied to a new table.
      db.exec(`
        CREATE TABLE inbox_log_new (
          id INTEGER PRIMARY KEY,
          file TEXT NOT NULL,
          outcome TEXT NOT NULL CHECK (outcome IN ('processed', 'failed', 'kept')),
          added INTEGER NOT NULL,
          reason TEXT,
          at TEXT NOT NULL
        );
        INSERT INTO inbox_log_new SELECT id, file, outcome, added, reason, at FROM inbox_log;
        DROP TABLE inbox_log;
        ALTER TABLE inbox_log_new RENAME TO inbox_log;
      `);
    },
  },
];
