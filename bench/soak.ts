import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Clock } from '../src/core/clock.ts';
import { createApp } from '../src/main.ts';
import { answerLine } from '../src/platforms/console/repl.ts';
import { FakePlatform } from '../test/fakes/recording-notifier.ts';
import { probeCommands } from './command-probe.ts';
import {
  goodArticles,
  GOOD,
  HOSTILE,
  listedAt,
  simulatedNow,
  type SoakTime,
} from './soak-feeds.ts';
import { percentiles } from './stats.ts';

const USAGE = `usage: npx tsx bench/soak.ts [--minutes M] [--hours H] [--seed S]
  Runs the bot (analysis threads, feed poller, alerts to a fake platform) against 20 good and
  20 hostile feeds on loopback for H simulated hours (default 1) in M wall minutes (default 4),
  the bot's clock running H*60/M times faster than the wall; a command every second. Prints
  memory at start and end, command latency, articles stored, alerts sent, and the checks that
  nothing was lost or duplicated.`;

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '4' },
    hours: { type: 'string', default: '1' },
    seed: { type: 'string', default: '7' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const wallMs = Number(values.minutes) * 60_000;
const simulatedMs = Number(values.hours) * 3_600_000;
const speed = simulatedMs / wallMs;
const START = Date.parse('2024-03-01T00:00:00Z');

const time: SoakTime = {
  start: START,
  wallStart: Date.now(),
  speed,
  hours: Number(values.hours),
  seed: Number(values.seed),
};
/** The bot's clock: simulated time running `speed` times faster than the wall. */
const clock: Clock = { now: () => new Date(simulatedNow(time)) };
const articles = goodArticles(time);

/** Starts the feeds' process; resolves with its base URL and a way to end it. */
function startFeeds(): Promise<{ url: string; close(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/soak-feeds.ts'], {
    env: { ...process.env, SOAK_TIME: JSON.stringify(time) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const port = /port (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, close: () => child.stdin.end() });
    });
  });
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-soak-'));
  mkdirSync(join(dir, 'inbox'));
  const server = await startFeeds();
  const feeds = [
    ...Array.from({ length: GOOD }, (_, i) => ({ url: `${server.url}/good-${i}`, topics: [] })),
    ...Object.keys(HOSTILE).map((name) => ({ url: `${server.url}/${name}`, topics: [] })),
  ];
  const platform = new FakePlatform({ clock, idempotent: true });
  const app = createApp({ db: join(dir, 'soak.sqlite'), clock, analysisThreads: 2 });
  await app.ingester.ingestPaths(['data/sample']);
  for (const topic of ['kosovo', 'gaza', 'ukraine', 'sudan', 'syria'])
    await answerLine(`/subscribe ${topic} 2`, app.dispatch, app.services.commands);
  const memoryAtStart = process.memoryUsage();
  const live = await app.startLive({
    notifiers: [platform],
    inboxDir: join(dir, 'inbox'),
    feeds,
    feedIntervalMs: 60_000,
    allowPrivateFetch: true,
    fetchPages: true,
    digestHour: 7,
  });
  const probe = probeCommands(
    app.dispatch,
    app.services.commands,
    ['/status', '/briefing kosovo', '/sources gaza', '/who Zelensky', '/timeline ukraine'],
    1000,
  );
  await new Promise((resolve) => setTimeout(resolve, wallMs));
  const commands = await probe.stop();
  const stopping = performance.now();
  await live.stop();
  const stopMs = Math.round(performance.now() - stopping);
  const memoryAtEnd = process.memoryUsage();

  // What the good feeds listed by their last poll must be stored exactly once.
  const db = app.store.db;
  const perFeed = articles.map((_, feed) => {
    const stored = db
      .prepare<[string], { n: number; urls: number }>(
        'SELECT count(*) AS n, count(DISTINCT url) AS urls FROM articles WHERE url LIKE ?',
      )
      .get(`https://good${feed}.example/%`)!;
    const lastPoll = db
      .prepare<[string], { at: string | null }>(
        'SELECT last_success AS at FROM feeds WHERE url = ?',
      )
      .get(`${server.url}/good-${feed}`)!.at;
    const published = lastPoll ? listedAt(articles, feed, Date.parse(lastPoll)).length : 0;
    return { stored: stored.n, distinct: stored.urls, published };
  });
  const lost = perFeed.reduce((sum, feed) => sum + Math.max(0, feed.published - feed.distinct), 0);
  const duplicated = perFeed.reduce((sum, feed) => sum + (feed.stored - feed.distinct), 0);
  const unexpected = perFeed.reduce(
    (sum, feed) => sum + Math.max(0, feed.distinct - feed.published),
    0,
  );
  const hostileStored = db
    .prepare<[], { title: string; url: string | null; body: string }>(
      `SELECT title, url, body FROM articles WHERE url NOT LIKE 'https://good%' AND origin NOT LIKE 'data/sample%'`,
    )
    .all();
  const infinite = db
    .prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM feeds WHERE typeof(next_poll_at) = 'real' AND next_poll_at > 1e300",
    )
    .get()!.n;
  const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
  const result = {
    simulated: `${values.hours} h in ${values.minutes} min (x${Math.round(speed)})`,
    memoryMb: {
      start: { rss: mb(memoryAtStart.rss), heap: mb(memoryAtStart.heapUsed) },
      end: { rss: mb(memoryAtEnd.rss), heap: mb(memoryAtEnd.heapUsed) },
    },
    commands: commands.latenciesMs.length,
    commandsNotOk: commands.notOk.length,
    commandLatencyMs: percentiles(commands.latenciesMs),
    commandMaxMs: Math.round(Math.max(...commands.latenciesMs)),
    commandP95ByLine: Object.fromEntries(
      Object.entries(commands.byLine).map(([line, samples]) => [line, percentiles(samples).p95]),
    ),
    commandsNotOkLines: [...new Set(commands.notOk)],
    articlesStored: app.store.count(),
    goodItemsPublished: perFeed.reduce((sum, feed) => sum + feed.published, 0),
    goodItemsStored: perFeed.reduce((sum, feed) => sum + feed.distinct, 0),
    lost,
    duplicated,
    unexpected,
    hostileArticlesStored: hostileStored.length,
    hostileWithRawXml: hostileStored.filter((row) => /^<\?xml|<!ENTITY/.test(row.body)).length,
    hostileWithScriptText: hostileStored.filter((row) => row.body.includes('alert(1)')).length,
    hostileWithInvisibleChars: hostileStored.filter((row) =>
      /[\u202a-\u202e\u200b]/.test(row.title),
    ).length,
    feedsWithInfiniteNextPoll: infinite,
    alertsSent: platform.messages.length,
    alertSendCalls: platform.calls.length,
    outbox: app.alerts.outbox.backlog(),
    stopMs,
    load: loadavg().map((value) => Math.round(value * 10) / 10),
  };
  app.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.exit(0);
}

await main();
