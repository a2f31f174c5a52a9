import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { damaged, startupCheck, unopenable } from './database-check.ts';
import { migrate, type Migration } from './migrations.ts';

/**
 * Opens (creating if needed) a SQLite file in WAL mode and brings its schema up to date.
 * `:memory:` gives a private database, as tests use. With `check` (the bot's start), the file
 * is checked first (`startupCheck`). A file that cannot be opened, or is damaged, throws a
 * `DatabaseError` naming the file and what to do, so the bot never starts on it and fails later
 * with "Sorry, something went wrong".
 */
export function openDatabase(
  path: string,
  migrations: readonly Migration[],
  options: { check?: boolean } = {},
): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // A batch of 100 bench articles dirties about 5,300 pages (21 MB). With better-sqlite3's 16
    // MB cache the batch recycled its own pages before it committed, reading and writing them
    // again; at 32 MB it fits: 40% fewer page reads and 27% fewer writes (bench/RESULTS.md). The
    // launchers' 160 MB old generation pays for it (docs/memory.md).
    db.pragma('cache_size = -32000');
    if (options.check) {
      const health = startupCheck(db);
      if (!health.ok) throw damaged(path, health);
    }
    migrate(db, migrations);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof Error && error.name === 'DatabaseError') throw error;
    throw unopenable(path, error);
  }
}
