import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/corpus/store/backup.ts';
import { createApp } from '../../src/main.ts';
import { runBackup } from '../../src/ops/backup-cli.ts';
import { article } from '../helpers/articles.ts';
import {
  WRITER_SLOTS,
  WriterSlot,
  type WriterData,
  type WriterProgress,
} from '../fakes/writer-slots.ts';

const WRITER_URL = new URL('../fakes/ingest-writer.cjs', import.meta.url);

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-backup-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts the writer thread on `db`; `until` resolves on the first progress report that fits. */
function startWriter(db: string, holdAfter: number, held: number) {
  const state = new Int32Array(new SharedArrayBuffer(WRITER_SLOTS * 4));
  const worker = new Worker(WRITER_URL, {
    workerData: { db, state, holdAfter, held } satisfies WriterData,
  });
  const exited = new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', resolve);
  });
  const set = (slot: WriterSlot) => {
    Atomics.store(state, slot, 1);
    Atomics.notify(state, slot);
  };
  return {
    state,
    exited,
    until: (fits: (progress: WriterProgress) => boolean) =>
      Promise.race([
        new Promise<WriterProgress>((resolve) => {
          const listener = (progress: WriterProgress) => {
            if (!fits(progress)) return;
            worker.off('message', listener);
            resolve(progress);
          };
          worker.on('message', listener);
        }),
        exited.then(() => Promise.reject(new Error('the writer stopped early'))),
      ]),
    release: () => set(WriterSlot.Release),
    stop: () => set(WriterSlot.Stop),
  };
}

/**
 * What a restored bot needs of a backup: SQLite's full integrity check, no dangling reference,
 * a full-text index that matches its articles, and whole articles only. The writer commits one
 * article per transaction in order, so a consistent snapshot holds exactly its first n articles
 * (seq 1..n), each with its stored analysis and its story.
 */
function expectConsistent(path: string, articles: number): void {
  const copy = new BetterSqlite3(path, { fileMustExist: true });
  try {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('foreign_key_check')).toEqual([]);
    expect(() =>
      copy.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").run(),
    ).not.toThrow();
    const seqs = copy
      .prepare<[], { seq: number }>('SELECT seq FROM articles ORDER BY seq')
      .all()
      .map((row) => row.seq);
    expect(seqs).toEqual(Array.from({ length: articles }, (_, i) => i + 1));
    const count = (table: string) =>
      copy.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!.n;
    expect(count('analyses')).toBe(articles);
    expect(count('story_articles')).toBe(articles);
  } finally {
    copy.close();
  }
}

describe('sitrep backup of a live database', () => {
  it('copies a consistent snapshot while the bot holds a write open and while it keeps ingesting', async () => {
    const db = join(dir, 'live.db');
    const holdAfter = 4;
    const held = 3;
    const writer = startWriter(db, holdAfter, held);
    try {
      // The writer is inside a transaction with 3 uncommitted articles: the backup neither
      // waits for it nor sees them.
      await writer.until((progress) => progress.holding);
      const during = await backupDatabase(db, join(dir, 'during-write.db'));
      expect(during.articles).toBe(holdAfter);
      expectConsistent(during.path, holdAfter);

      writer.release();
      await writer.until((progress) => progress.committed >= holdAfter + held + 2);
      // Now it commits freely on its own thread while the backup copies.
      const committedBefore = Atomics.load(writer.state, WriterSlot.Committed);
      const running = await backupDatabase(db, join(dir, 'running.db'));
      const startedAfter = Atomics.load(writer.state, WriterSlot.Started);
      expect(running.articles).toBeGreaterThanOrEqual(committedBefore);
      expect(running.articles).toBeLessThanOrEqual(startedAfter);
      expectConsistent(running.path, running.articles);
    } finally {
      writer.stop();
      writer.release();
    }
    expect(await writer.exited).toBe(0);
    // The live database is intact and kept every article the writer committed.
    const committed = Atomics.load(writer.state, WriterSlot.Committed);
    expectConsistent(db, committed);
  });

  it('replaces an older backup only with a complete copy, and leaves no partial file', async () => {
    const db = join(dir, 'live.db');
    const app = createApp({ db });
    app.ingester.ingestArticles([article()]);
    const target = join(dir, 'latest.db');
    await writeFile(target, 'an older backup');
    const first = await backupDatabase(db, target);
    expect(first.articles).toBe(1);
    app.ingester.ingestArticles([
      article({
        title: 'Serbia pulls some troops back from the boundary',
        body: 'Serbia said on Sunday it had reduced its forces near the Kosovo boundary.',
        url: 'https://balkanwire.example.com/drawdown',
      }),
    ]);
    app.close();
    expect((await backupDatabase(db, target)).articles).toBe(2);
    expectConsistent(target, 2);
    expect((await readdir(dir)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});

describe('sitrep backup on the command line', () => {
  function io() {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const text = (stream: PassThrough) => () => String(stream.read() ?? '');
    return { stdout, stderr, out: text(stdout), err: text(stderr) };
  }

  it('backs up SITREP_DB, or --db, and says what it copied', async () => {
    const db = join(dir, 'sitrep.db');
    const app = createApp({ db });
    app.ingester.ingestArticles([article()]);
    app.close();
    const streams = io();
    expect(await runBackup([join(dir, 'copy.db')], db, streams)).toBe(0);
    expect(streams.out()).toMatch(
      /^backed up .*sitrep\.db to .*copy\.db: 1 articles, [\d.]+ MB\n$/,
    );
    const other = io();
    expect(await runBackup(['--db', db, join(dir, 'other.db')], 'missing.db', other)).toBe(0);
    expect(existsSync(join(dir, 'other.db'))).toBe(true);
  });

  it('answers usage errors with exit 2 and failures with exit 1, one line', async () => {
    const none = io();
    expect(await runBackup([], 'x.db', none)).toBe(2);
    expect(none.err()).toMatch(/^sitrep backup: name one backup file\nusage: sitrep backup/);
    const help = io();
    expect(await runBackup(['--help'], 'x.db', help)).toBe(0);
    expect(help.out()).toMatch(/^usage: sitrep backup \[--db FILE\] BACKUP-FILE/);
    const missing = io();
    expect(await runBackup([join(dir, 'copy.db')], join(dir, 'absent.db'), missing)).toBe(1);
    expect(missing.err()).toMatch(/^sitrep backup: there is no database at .*absent\.db\n$/);
    const notSitrep = join(dir, 'other.db');
    new BetterSqlite3(notSitrep).exec('CREATE TABLE x (a)');
    const wrong = io();
    expect(await runBackup([join(dir, 'copy.db')], notSitrep, wrong)).toBe(1);
    expect(wrong.err()).toMatch(/not a sitrep database/);
    const itself = io();
    expect(await runBackup([notSitrep], notSitrep, itself)).toBe(1);
    expect(itself.err()).toMatch(/must not be the database itself/);
    expect(existsSync(join(dir, 'copy.db'))).toBe(false);
  });
});
