import BetterSqlite3 from 'better-sqlite3';
import { existsSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface BackupResult {
  /** The finished backup file. */
  path: string;
  bytes: number;
  articles: number;
}

/** More pages than any database has: the whole copy happens in one backup step. */
const ALL_PAGES = 0x7fffffff;

/** The real path of an existing file, or the resolved path of one still to be made. */
function canonical(path: string): string {
  return existsSync(path) ? realpathSync(path) : resolve(path);
}

/**
 * Copies a live sitrep database to `destination` with SQLite's online backup, while the bot
 * keeps reading and writing it. The source is opened read-only, so a backup never changes the
 * live file. The copy is made in a single backup step: that step reads one snapshot (in WAL
 * mode, writers are not held up), whereas a copy in several steps starts over each time
 * another connection commits, and might never finish under a busy feed. The copy is written
 * beside `destination`, checked with `quick_check`, and only then renamed over it, so a
 * failed or interrupted backup never replaces a good one.
 */
export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new Error(`there is no database at ${source}`);
  if (canonical(source) === canonical(destination)) {
    throw new Error('the backup file must not be the database itself');
  }
  if (!existsSync(dirname(resolve(destination)))) {
    throw new Error(`the folder of ${destination} does not exist`);
  }
  const partial = join(
    dirname(resolve(destination)),
    `.${basename(destination)}.${process.pid}.partial`,
  );
  let live: BetterSqlite3.Database | undefined;
  try {
    live = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
    live.pragma('busy_timeout = 5000');
    const isSitrep = live
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'")
      .get();
    if (!isSitrep) throw new Error('not a sitrep database (it has no articles table)');
    await live.backup(partial, { progress: () => ALL_PAGES });
  } catch (error) {
    rmSync(partial, { force: true });
    throw new Error(`${source}: ${(error as Error).message}`);
  } finally {
    live?.close();
  }
  const copy = new BetterSqlite3(partial, { fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed SQLite's quick_check: ${String(check)}`);
    const { n } = copy.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles').get()!;
    copy.close();
    renameSync(partial, destination);
    return { path: destination, bytes: statSync(destination).size, articles: n };
  } catch (error) {
    if (copy.open) copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
}
