import type { Database, Statement } from 'better-sqlite3';
import type { Migration } from '../corpus/store/migrations.ts';

/** The table behind "new since your last briefing", per channel and topic. */
export const briefingMigrations: Migration[] = [
  {
    id: '0400-briefing-seen',
    up(db) {
      db.exec(`
        CREATE TABLE briefing_seen (
          channel TEXT NOT NULL,
          topic TEXT NOT NULL,
          story TEXT NOT NULL,
          first_shown TEXT NOT NULL,
          PRIMARY KEY (channel, topic, story)
        ) WITHOUT ROWID;
      `);
    },
  },
];

interface Statements {
  any: Statement<[string, string], { one: number }>;
  shown: Statement<[string, string, string], { one: number }>;
  insert: Statement<[string, string, string, string]>;
}

const prepared = new WeakMap<Database, Statements>();

function statementsFor(db: Database): Statements {
  let statements = prepared.get(db);
  if (!statements) {
    statements = {
      any: db.prepare('SELECT 1 AS one FROM briefing_seen WHERE channel = ? AND topic = ? LIMIT 1'),
      shown: db.prepare(
        'SELECT 1 AS one FROM briefing_seen WHERE channel = ? AND topic = ? AND story = ?',
      ),
      insert: db.prepare(
        'INSERT OR IGNORE INTO briefing_seen (channel, topic, story, first_shown) VALUES (?, ?, ?, ?)',
      ),
    };
    prepared.set(db, statements);
  }
  return statements;
}

/**
 * The stories of a topic a channel has not been shown before. A channel's first briefing on a
 * topic marks nothing as new: there is no "last time" to compare with.
 */
export function unseenStories(
  db: Database,
  channel: string,
  topic: string,
  stories: readonly string[],
): Set<string> {
  const statements = statementsFor(db);
  if (statements.any.get(channel, topic) === undefined) return new Set();
  return new Set(
    stories.filter((story) => statements.shown.get(channel, topic, story) === undefined),
  );
}

/**
 * Records that a channel was shown these stories of a topic and returns the ones it had not
 * been shown before (`unseenStories`).
 */
export function rememberShown(
  db: Database,
  channel: string,
  topic: string,
  stories: readonly string[],
  now: Date,
): Set<string> {
  const statements = statementsFor(db);
  return db.transaction(() => {
    const first = statements.any.get(channel, topic) === undefined;
    // Only the stories not shown before are written: a briefing asked again writes nothing.
    const unseen = stories.filter(
      (story) => first || statements.shown.get(channel, topic, story) === undefined,
    );
    for (const story of unseen) statements.insert.run(channel, topic, story, now.toISOString());
    return first ? new Set<string>() : new Set(unseen);
  })();
}
