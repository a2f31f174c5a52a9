/**
 * The bot's writing side for the backup test (`test/integration/backup.test.ts`), on a worker
 * thread so that it really runs while a backup copies: it opens the app on a database file and
 * ingests generated articles one transaction at a time, as the inbox and feeds do, until told
 * to stop. Once `holdAfter` articles are committed, it ingests `held` more inside one open
 * transaction and waits for the test to release it before committing.
 *
 * Counters and commands travel through shared memory (`WriterSlot`), which the test reads at
 * the exact moments a backup starts and ends; progress is also posted as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { generateArticles } from '../../bench/generate.ts';
import { createApp } from '../../src/main.ts';
import { WriterSlot, type WriterData, type WriterProgress } from './writer-slots.ts';

const { db, state, holdAfter, held } = workerData as WriterData;
const app = createApp({ db });
const articles = generateArticles(Number.MAX_SAFE_INTEGER, 20231114);
let committed = 0;

function ingest(count: number): void {
  const inputs = Array.from({ length: count }, () => articles.next().value!);
  const report = app.ingester.ingestArticles(inputs);
  if (report.added.length !== count) {
    throw new Error(`the writer stored ${report.added.length} of ${count} articles`);
  }
}

function report(holding: boolean): void {
  Atomics.store(state, WriterSlot.Committed, committed);
  parentPort!.postMessage({ committed, holding } satisfies WriterProgress);
}

while (Atomics.load(state, WriterSlot.Stop) === 0) {
  const hold = committed === holdAfter;
  const count = hold ? held : 1;
  Atomics.store(state, WriterSlot.Started, committed + count);
  if (hold) {
    app.store.transaction(() => {
      ingest(count);
      report(true);
      Atomics.wait(state, WriterSlot.Release, 0);
    });
  } else {
    ingest(count);
  }
  committed += count;
  report(false);
}
app.close();
