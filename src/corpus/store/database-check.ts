import type { Database } from 'better-sqlite3';

/** What a check of the database file found. */
export interface DatabaseHealth {
  ok: boolean;
  /** `ok`, or the first problems SQLite reported. */
  detail: string;
  /** `quick_check` (every page) or `sample` (schema and each table's first and last rows). */
  method: 'quick_check' | 'sample';
}

/** Up to this size a start-up check reads every page (`PRAGMA quick_check`, about 1 s per 200 MB). */
export const QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024;

/** Thrown when the database cannot be opened or is damaged: one line naming the file and what to do. */
export class DatabaseError extends Error {
  override readonly name = 'DatabaseError';
}

const oneLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 300);

const advice = 'Restore it from a backup (sitrep backup) or move it aside to start an empty one.';

export function unopenable(path: string, error: unknown): DatabaseError {
  return new DatabaseError(`the database ${path} cannot be opened (${oneLine(error)}). ${advice}`);
}

export function damaged(path: string, health: DatabaseHealth): DatabaseError {
  return new DatabaseError(`the database ${path} is damaged (${health.detail}). ${advice}`);
}

/**
 * A check bounded in time: reads the schema and the first and last row of every table (each
 * through its B-tree, so a damaged root or edge page shows), which takes milliseconds at any
 * size. `/status` runs this one.
 */
export function sampleCheck(db: Database): DatabaseHealth {
  try {
    const tables = db
      .prepare<[], { name: string; wr: number }>(
        `SELECT name, sql LIKE '%WITHOUT ROWID%' AS wr FROM sqlite_schema
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`,
      )
      .all();
    for (const { name, wr } of tables) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      if (wr) db.prepare(`SELECT * FROM ${quoted} LIMIT 1`).all();
      else {
        db.prepare(`SELECT * FROM ${quoted} ORDER BY rowid LIMIT 1`).all();
        db.prepare(`SELECT * FROM ${quoted} ORDER BY rowid DESC LIMIT 1`).all();
      }
    }
    return { ok: true, detail: 'ok', method: 'sample' };
  } catch (error) {
    return { ok: false, detail: oneLine(error), method: 'sample' };
  }
}

/**
 * The start-up check: `PRAGMA quick_check` (every page, every index's order) when the file is
 * small enough to read in about a second, the bounded sample beyond that.
 */
export function startupCheck(db: Database): DatabaseHealth {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  if (pages * pageSize > QUICK_CHECK_MAX_BYTES) return sampleCheck(db);
  try {
    const rows = db.prepare<[], { quick_check: string }>('PRAGMA quick_check(5)').all();
    const problems = rows
      .map((row) => row.quick_check.replace(/\s+/g, ' ').trim())
      .filter((line) => line !== 'ok' && line !== '*** in database main ***');
    return {
      ok: problems.length === 0,
      detail: problems.length === 0 ? 'ok' : problems.join('; ').slice(0, 300),
      method: 'quick_check',
    };
  } catch (error) {
    return { ok: false, detail: oneLine(error), method: 'quick_check' };
  }
}
