import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { createApp } from '../../src/main.ts';
import { createInbox } from '../../src/sources/inbox.ts';
import { createSourceState } from '../../src/sources/source-state.ts';

const ARTICLE = `Kosovo police clash with gunmen near Banjska

by Balkan Wire

2023-09-24 08:00

Armed men attacked a Kosovo police patrol near the village of Banjska in the north of Kosovo on Sunday morning, officials said.
`;

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function setup() {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-inbox-'));
  const app = createApp({ db: ':memory:', clock: fixedClock('2023-09-30T12:00:00Z') });
  const state = createSourceState(app.store.db);
  const inbox = createInbox({
    dir,
    ingestFile: (path) => app.ingester.ingestPaths([path]),
    state,
    clock: app.services.clock,
    logger: silentLogger,
  });
  await inbox.start();
  await inbox.stop();
  return { app, state, inbox };
}

describe('inbox folder', () => {
  it('ingests a dropped file and moves it to processed/', async () => {
    const { app, inbox, state } = await setup();
    await writeFile(join(dir, 'banjska.txt'), ARTICLE);
    const [entry] = await inbox.scan();
    expect(entry).toMatchObject({ file: 'banjska.txt', outcome: 'processed', added: 1 });
    expect(app.store.count()).toBe(1);
    expect(await readdir(join(dir, 'processed'))).toEqual(['banjska.txt']);
    expect(await readdir(dir)).not.toContain('banjska.txt');
    expect(state.recentInbox(1)[0]).toMatchObject({ outcome: 'processed' });
  });

  it('moves a file it cannot read to failed/ with the reason beside it', async () => {
    const { inbox } = await setup();
    await writeFile(join(dir, 'broken.json'), '{"title": ');
    const [entry] = await inbox.scan();
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
    const { inbox } = await setup();
    await writeFile(join(dir, 'incoming.txt.part'), ARTICLE);
    expect(await inbox.scan()).toEqual([]);
    expect(await readdir(dir)).toContain('incoming.txt.part');
  });

  it('leaves a file that was just created empty for a later scan', async () => {
    const { inbox } = await setup();
    await writeFile(join(dir, 'being-copied.txt'), '');
    expect(await inbox.scan()).toEqual([]);
    expect(await readdir(dir)).toContain('being-copied.txt');
  });

  it('keeps both files when the same name is dropped twice', async () => {
    const { inbox } = await setup();
    await writeFile(join(dir, 'a.txt'), ARTICLE);
    await inbox.scan();
    await writeFile(join(dir, 'a.txt'), ARTICLE);
    const [again] = await inbox.scan();
    expect(again).toMatchObject({ outcome: 'processed', reason: 'already in the corpus' });
    expect((await readdir(join(dir, 'processed'))).sort()).toEqual(['a.txt', 'a.txt.1']);
  });
});
