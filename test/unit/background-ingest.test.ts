import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import { createIngester, type ParallelAnalyzer } from '../../src/corpus/ingest.ts';
import { openDatabase } from '../../src/corpus/store/database.ts';
import { corpusMigrations } from '../../src/corpus/store/migrations.ts';
import { createSqliteStore } from '../../src/corpus/store/store.ts';
import { packPrepared, prepareArticle } from '../../src/corpus/store/stored-form.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { article } from '../helpers/articles.ts';

const inputs = Array.from({ length: 40 }, (_, i) =>
  article({
    title: `Patrol ${i + 1} reports calm night`,
    body: `Patrol ${i + 1} reported a calm night along the boundary line near Jarinje.`,
    url: `https://wire.example/patrol-${i + 1}`,
    origin: `patrol-${i + 1}`,
  }),
);

function setup(parallel?: ParallelAnalyzer) {
  const store = createSqliteStore(openDatabase(':memory:', corpusMigrations));
  const ingester = createIngester({
    store,
    analyze: analyzeArticle,
    clock: fixedClock('2024-01-01T00:00:00Z'),
    ...(parallel ? { parallel } : {}),
  });
  return { store, ingester };
}

/** Counts the turns of the event loop another task (a command) gets while `work` runs. */
async function turnsDuring(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  await work;
  done = true;
  return turns;
}

describe('a background ingest', () => {
  it('without threads, lets other work run between articles', async () => {
    const { ingester, store } = setup();
    const turns = await turnsDuring(ingester.ingestStream(inputs, { background: true }));
    expect(store.count()).toBe(40);
    expect(turns).toBeGreaterThanOrEqual(40);
  });

  it('with threads, uses them however few the articles, in small transactions', async () => {
    let analysed = 0;
    const pool: ParallelAnalyzer = {
      size: 2,
      prepare: (input) =>
        new Promise((resolve) =>
          setImmediate(() => {
            analysed++;
            resolve(packPrepared(prepareArticle(input, analyzeArticle(input))));
          }),
        ),
    };
    const { ingester, store } = setup(pool);
    let transactions = 0;
    const around = <T>(write: () => T): T => {
      transactions++;
      return write();
    };
    const report = await ingester.ingestStream(inputs, { background: true, around });
    expect(report.added).toHaveLength(40);
    expect(store.count()).toBe(40);
    expect(analysed).toBe(40);
    expect(transactions).toBeGreaterThanOrEqual(5);
  });

  it('runs every write inside `around` (a baseline stays quiet throughout)', async () => {
    const { ingester } = setup();
    let inside = 0;
    let depth = 0;
    const around = <T>(write: () => T): T => {
      depth++;
      try {
        inside++;
        return write();
      } finally {
        depth--;
      }
    };
    await ingester.ingestStream(inputs.slice(0, 5), { background: true, around });
    expect(inside).toBe(5);
    expect(depth).toBe(0);
  });

  it("reads a large NDJSON file in slices, keeping the file's line numbers", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sitrep-slices-'));
    const path = join(dir, 'wire.ndjson');
    const line = (n: number) =>
      JSON.stringify({
        title: `Crossing report ${n}`,
        body: `The crossing stayed open on day ${n}. `.repeat(280),
        published: '2023-09-28T10:00:00Z',
      });
    const lines = [
      ...Array.from({ length: 15 }, (_, i) => line(i)),
      ...Array.from({ length: 2100 }, () => ''),
      '{"title": broken',
      ...Array.from({ length: 15 }, (_, i) => line(100 + i)),
    ];
    await writeFile(path, lines.join('\n'));
    const { ingester } = setup();
    const report = await ingester.ingestPaths([path], { background: true });
    await rm(dir, { recursive: true });
    expect(report.added).toHaveLength(30);
    expect(report.failed.map((failure) => failure.origin)).toEqual([`${path}:2116`]);
    expect(report.added.at(-1)!.origin).toBe(`${path}:2131`);
  });
});
