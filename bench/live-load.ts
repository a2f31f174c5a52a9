import { mkdtempSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../src/core/logger.ts';
import { createApp } from '../src/main.ts';
import { startServer } from '../test/fakes/http-server.ts';
import { probeCommands } from './command-probe.ts';
import { percentiles } from './stats.ts';

const USAGE = `usage: npx tsx bench/live-load.ts [--case feed|inbox|both] [--seconds S] [--items N]
  Times commands (one every 250 ms) while the bot ingests, in the same process, a feed of N tiny
  items (default 90000) served on loopback, or an NDJSON file of N articles (default 100000)
  dropped in the inbox. Prints latency percentiles and what was stored in the time.`;

const { values } = parseArgs({
  options: {
    case: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '60' },
    items: { type: 'string' },
    threads: { type: 'string', default: String(availableParallelism()) },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const seconds = Number(values.seconds);

/** A feed at the size cap's limit: 90,000 items of about 55 bytes each (5 MB). */
function hugeFeed(items: number): string {
  const entries: string[] = [];
  for (let i = 0; i < items; i++)
    entries.push(`<item><guid>${i}</guid><title>Item ${i}</title></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Flood</title>${entries.join('')}</channel></rss>`;
}

/** 100,000 one-line articles in under the inbox's 4 MB file limit. */
function hugeNdjson(articles: number): string {
  const lines: string[] = [];
  for (let i = 0; i < articles; i++) lines.push(`{"title":"W${i}","body":"Calm ${i}"}`);
  return `${lines.join('\n')}\n`;
}

async function run(kind: 'feed' | 'inbox') {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-live-load-'));
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  const items = Number(values.items ?? (kind === 'feed' ? 90_000 : 100_000));
  const body = kind === 'feed' ? hugeFeed(items) : hugeNdjson(items);
  const server = await startServer((_req, res) => {
    res.setHeader('content-type', 'application/rss+xml');
    res.end(body);
  });
  const app = createApp({
    db: join(dir, 'bot.sqlite'),
    analysisThreads: Number(values.threads),
    ...(process.env['BENCH_LOG'] ? { logger: createLogger(process.env['BENCH_LOG']) } : {}),
  });
  await app.ingester.ingestPaths(['data/sample']);
  const before = app.store.count();
  const live = await app.startLive({
    notifiers: [],
    inboxDir: inbox,
    feeds: kind === 'feed' ? [{ url: `${server.url}/flood.xml`, topics: ['kosovo'] }] : [],
    feedIntervalMs: 60_000,
    allowPrivateFetch: true,
    fetchPages: false,
    digestHour: 7,
  });
  const probe = probeCommands(
    app.dispatch,
    app.services.commands,
    ['/status', '/briefing kosovo', '/who Vucic', '/sources kosovo'],
    250,
  );
  if (kind === 'inbox') {
    writeFileSync(join(inbox, 'flood.ndjson.part'), body);
    renameSync(join(inbox, 'flood.ndjson.part'), join(inbox, 'flood.ndjson'));
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const report = await probe.stop();
  const stored = app.store.count() - before;
  const stopping = performance.now();
  await live.stop();
  const stopMs = Math.round(performance.now() - stopping);
  app.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    case: kind === 'feed' ? `feed of ${items} items` : `inbox NDJSON of ${items} articles`,
    seconds,
    commands: report.latenciesMs.length,
    notOk: report.notOk.length,
    latencyMs: percentiles(report.latenciesMs),
    maxMs: Math.round(Math.max(...report.latenciesMs)),
    storedInTheTime: stored,
    stopMs,
    load: loadavg().map((value) => Math.round(value * 10) / 10),
  };
}

const cases =
  values.case === 'both' ? (['feed', 'inbox'] as const) : [values.case as 'feed' | 'inbox'];
for (const kind of cases) process.stdout.write(`${JSON.stringify(await run(kind))}\n`);
process.exit(0);
