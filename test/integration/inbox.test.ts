import {
  appendFile,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IngestReport } from '../../src/corpus/ingest.ts';
import type { Logger } from '../../src/core/logger.ts';
import { createApp, type App } from '../../src/main.ts';
import { createInbox } from '../../src/sources/inbox.ts';
import { createSourceState } from '../../src/sources/source-state.ts';
import { manualClock } from '../fakes/manual-clock.ts';
import { recordingLogger } from '../fakes/recording-logger.ts';

const ARTICLE = `Kosovo police clash with gunmen near Banjska

by Balkan Wire

2023-09-24 08:00

Armed men attacked a Kosovo police patrol near the village of Banjska in the north of Kosovo on Sunday morning, officials said.
`;

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

const SETTLE_MS = 2000;

async function setup(
  options: {
    app?: App;
    logger?: Logger;
    ingestFile?: (path: string, app: App, signal: AbortSignal) => Promise<IngestReport>;
  } = {},
) {
  dir ||= await mkdtemp(join(tmpdir(), 'sitrep-inbox-'));
  const clock = manualClock('2023-09-30T12:00:00Z');
  const app = options.app ?? createApp({ db: ':memory:', clock });
  const logger = options.logger ?? recordingLogger();
  const state = createSourceState(app.store.db);
  const inbox = createInbox({
    dir,
    ingestFile: (path, signal) =>
      options.ingestFile ? options.ingestFile(path, app, signal) : app.ingester.ingestPaths([path]),
    state,
    clock,
    logger,
  });
  await inbox.start();
  await inbox.stop();
  /** Scans, lets the files settle on the clock, and scans again. */
  const settleAndScan = async () => {
    const first = await inbox.scan();
    clock.advance(SETTLE_MS);
    return [...first, ...(await inbox.scan())];
  };
  return { app, state, inbox, clock, logger, settleAndScan };
}

const ndjsonLine = (n: number) =>
  `${JSON.stringify({
    title: `Checkpoint report ${n}`,
    body: `Monitors counted ${n} convoys crossing the checkpoint near Jarinje on Thursday.`,
    url: `https://wire.example/checkpoint-${n}`,
    published: '2023-09-28T10:00:00Z',
  })}\n`;

describe('inbox folder', () => {
  it('ingests a dropped file and moves it to processed/', async () => {
    const { app, settleAndScan, state } = await setup();
    await writeFile(join(dir, 'banjska.txt'), ARTICLE);
    const [entry] = await settleAndScan();
    expect(entry).toMatchObject({ file: 'banjska.txt', outcome: 'processed', added: 1 });
    expect(app.store.count()).toBe(1);
    expect(await readdir(join(dir, 'processed'))).toEqual(['banjska.txt']);
    expect(await readdir(dir)).not.toContain('banjska.txt');
    expect(state.recentInbox(1)[0]).toMatchObject({ outcome: 'processed' });
  });

  it('moves a file it cannot read to failed/ with the reason beside it', async () => {
    const { settleAndScan } = await setup();
    await writeFile(join(dir, 'broken.json'), '{"title": ');
    const [entry] = await settleAndScan();
    expect(entry).toMatchObject({ outcome: 'failed', added: 0 });
    expect((await readdir(join(dir, 'failed'))).sort()).toEqual([
      'broken.json',
      'broken.json.reason.txt',
    ]);
    expect(await readFile(join(dir, 'failed', 'broken.json.reason.txt'), 'utf8')).toContain(
      'invalid JSON',
    );
  });

  it('leaves files that are still being written alone', async () => {
    const { settleAndScan } = await setup();
    await writeFile(join(dir, 'incoming.txt.part'), ARTICLE);
    expect(await settleAndScan()).toEqual([]);
    expect(await readdir(dir)).toContain('incoming.txt.part');
  });

  it('leaves a file that was just created empty for a later scan', async () => {
    const { inbox } = await setup();
    await writeFile(join(dir, 'being-copied.txt'), '');
    expect(await inbox.scan()).toEqual([]);
    expect(await readdir(dir)).toContain('being-copied.txt');
  });

  it('keeps both files when the same name is dropped twice', async () => {
    const { settleAndScan } = await setup();
    await writeFile(join(dir, 'a.txt'), ARTICLE);
    await settleAndScan();
    await writeFile(join(dir, 'a.txt'), ARTICLE);
    const [again] = await settleAndScan();
    expect(again).toMatchObject({ outcome: 'processed', reason: 'already in the corpus' });
    expect((await readdir(join(dir, 'processed'))).sort()).toEqual(['a.txt', 'a.txt.1']);
  });

  it('takes a file only once it has been unchanged for the settle time on the clock', async () => {
    const { inbox, clock, app } = await setup();
    const path = join(dir, 'live.ndjson');
    for (let n = 1; n <= 20; n++) {
      await appendFile(path, ndjsonLine(n));
      expect(await inbox.scan()).toEqual([]);
      clock.advance(300);
      expect(await inbox.scan()).toEqual([]);
    }
    clock.advance(SETTLE_MS);
    const [entry] = await inbox.scan();
    expect(entry).toMatchObject({ outcome: 'processed', added: 20 });
    expect(app.store.count()).toBe(20);
  });

  it('takes a file renamed into the folder at once', async () => {
    const { inbox } = await setup();
    const partial = join(dir, 'ready.ndjson.part');
    await writeFile(partial, ndjsonLine(1) + ndjsonLine(2));
    const written = new Date(Date.now() - 10_000);
    await utimes(partial, written, written);
    await rename(partial, join(dir, 'ready.ndjson'));
    const [entry] = await inbox.scan();
    expect(entry).toMatchObject({ file: 'ready.ndjson', outcome: 'processed', added: 2 });
  });

  it('logs a file that vanishes mid-ingest once, records what it added, and goes on', async () => {
    const logger = recordingLogger();
    const { settleAndScan, state } = await setup({
      logger,
      async ingestFile(path, app) {
        const report = await app.ingester.ingestPaths([path]);
        if (path.endsWith('a.ndjson')) await rm(path);
        return report;
      },
    });
    await writeFile(join(dir, 'a.ndjson'), ndjsonLine(1));
    await writeFile(join(dir, 'b.ndjson'), ndjsonLine(2));
    const entries = await settleAndScan();
    expect(entries.map((entry) => [entry.file, entry.added])).toEqual([
      ['a.ndjson', 1],
      ['b.ndjson', 1],
    ]);
    expect(state.recentInbox(5).map((entry) => entry.file)).toEqual(['b.ndjson', 'a.ndjson']);
    expect(await readdir(join(dir, 'processed'))).toEqual(['b.ndjson']);
    const aboutA = logger.above('info').filter((line) => JSON.stringify(line).includes('a.ndjson'));
    expect(aboutA).toHaveLength(1);
    expect(aboutA[0]!.msg).toMatch(/vanished/);
  });

  it('two bots on one inbox: every file is moved once, each vanished file is one line, no scan fails', async () => {
    const loggers = [recordingLogger(), recordingLogger()];
    const first = await setup({ logger: loggers[0]! });
    const second = await setup({ logger: loggers[1]!, app: first.app });
    for (let n = 1; n <= 6; n++) await writeFile(join(dir, `f${n}.ndjson`), ndjsonLine(n));
    await Promise.all([first.inbox.scan(), second.inbox.scan()]);
    first.clock.advance(SETTLE_MS);
    second.clock.advance(SETTLE_MS);
    await Promise.all([first.inbox.scan(), second.inbox.scan()]);
    const processed = (await readdir(join(dir, 'processed'))).sort();
    expect(processed).toEqual([
      'f1.ndjson',
      'f2.ndjson',
      'f3.ndjson',
      'f4.ndjson',
      'f5.ndjson',
      'f6.ndjson',
    ]);
    expect(first.app.store.count()).toBe(6);
    for (const logger of loggers) {
      expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);
      const perFile = new Map<string, number>();
      for (const line of logger.above('info'))
        for (const name of JSON.stringify(line.fields).match(/f\d\.ndjson/g) ?? [])
          perFile.set(name, (perFile.get(name) ?? 0) + 1);
      for (const count of perFile.values()) expect(count).toBe(1);
    }
  });

  it('keeps a file whose articles could not all be stored, and stores the rest on a later scan', async () => {
    const { settleAndScan, app, state, clock, inbox } = await setup();
    const pages = app.store.db.pragma('page_count', { simple: true }) as number;
    app.store.db.pragma(`max_page_count = ${pages + 8}`);
    await writeFile(
      join(dir, 'many.ndjson'),
      Array.from({ length: 60 }, (_, n) => ndjsonLine(n + 1)).join(''),
    );
    const [kept] = await settleAndScan();
    expect(kept).toMatchObject({ file: 'many.ndjson', outcome: 'kept' });
    expect(kept!.added).toBe(app.store.count());
    expect(kept!.added).toBeLessThan(60);
    expect(kept!.reason).toMatch(/full/);
    expect(await readdir(dir)).toContain('many.ndjson');
    expect(await readdir(join(dir, 'processed'))).toEqual([]);
    expect(state.recentInbox(1)[0]).toMatchObject({ outcome: 'kept' });

    app.store.db.pragma('max_page_count = 1073741823');
    expect(await inbox.scan()).toEqual([]);
    clock.advance(10 * 60_000);
    const [done] = await inbox.scan();
    expect(done).toMatchObject({ outcome: 'processed', added: 60 - kept!.added });
    expect(app.store.count()).toBe(60);
    expect(await readdir(join(dir, 'processed'))).toEqual(['many.ndjson']);
  });

  it('stops a file mid-ingest on stop() and keeps it for the next start', async () => {
    let began: () => void = () => {};
    const ingesting = new Promise<void>((resolve) => (began = resolve));
    const { inbox, clock, app } = await setup({
      ingestFile: (path, app, signal) => {
        began();
        return app.ingester.ingestPaths([path], { background: true, signal });
      },
    });
    await writeFile(
      join(dir, 'long.ndjson'),
      Array.from({ length: 50 }, (_, n) => ndjsonLine(n + 1)).join(''),
    );
    await inbox.scan();
    clock.advance(SETTLE_MS);
    const scanning = inbox.scan();
    await ingesting;
    await inbox.stop();
    const [entry] = await scanning;
    expect(entry).toMatchObject({ outcome: 'kept', reason: expect.stringMatching(/stopped/) });
    expect(app.store.count()).toBeLessThan(50);
    expect(await readdir(dir)).toContain('long.ndjson');
  });
});
