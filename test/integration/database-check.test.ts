import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import { createApp } from '../../src/main.ts';
import { invoke } from '../fakes/invoke.ts';
import { article } from '../helpers/articles.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

const clock = fixedClock('2023-10-01T00:00:00Z');

/** A database file with a few articles, then the root page of its articles table overwritten. */
async function damagedDatabase(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-db-'));
  const path = join(dir, 'bot.sqlite');
  const app = createApp({ db: path, clock });
  app.ingester.ingestArticles(
    Array.from({ length: 20 }, (_, i) =>
      article({ title: `Patrol report ${i}`, url: `https://wire.example/p${i}`, origin: `p${i}` }),
    ),
  );
  const root = app.store.db
    .prepare<[], { rootpage: number }>("SELECT rootpage FROM sqlite_schema WHERE name = 'articles'")
    .get()!.rootpage;
  const pageSize = app.store.db.pragma('page_size', { simple: true }) as number;
  app.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
  closeSync(fd);
  return path;
}

describe('a damaged or unopenable database', () => {
  it('stops start-up with one message naming the file and what to do', async () => {
    const path = await damagedDatabase();
    expect(() => createApp({ db: path, clock, checkDatabase: true })).toThrow(
      new RegExp(`the database ${path} is damaged \\(.+\\)\\. Restore it .*sitrep backup`),
    );
  });

  it('names the file that is not a database at all', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sitrep-db-'));
    const path = join(dir, 'notes.sqlite');
    await writeFile(path, 'These are my notes, not a database.\n'.repeat(200));
    expect(() => createApp({ db: path, clock })).toThrow(
      new RegExp(
        `the database ${path} cannot be opened \\(file is not a database\\).*sitrep backup`,
      ),
    );
    const result = await runCliInProcess(['ingest', '--db', path, join(dir, 'none.txt')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^sitrep: stopped: the database ${path} cannot be opened`)),
    ]);
  });

  it('/status shows the database check, and a damage found after start', async () => {
    const healthy = createApp({ db: ':memory:', clock });
    const ok = await invoke(healthy.dispatch, healthy.services.commands, '/status');
    expect(ok.data).toMatchObject({ database: { ok: true } });
    healthy.close();

    const path = await damagedDatabase();
    const app = createApp({ db: path, clock });
    const result = await invoke(app.dispatch, app.services.commands, '/status');
    expect(result.outcome).toBe('ok');
    expect(result.data).toMatchObject({ database: { ok: false }, ingestionFailing: true });
    expect(JSON.stringify(result.reply)).toMatch(/damaged.*sitrep backup/);
    app.close();
  });
});
