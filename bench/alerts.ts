/**
 * Alert speed (issue 4, item 11):
 * - alert_latency_ms: from a file landing in the inbox to the notifier's send call, with 10,000
 *   articles stored (real fs.watch, real SQLite file, wall clock), p50 and p95 over 30 files.
 *   Each file is written as `.part` and renamed in, as the inbox asks of writers: a file
 *   written in place is first left to settle (2 s unchanged), which would be all the figure
 *   measured, and made the bench's own test wait a minute;
 * - fanout_1000_s: one alert fanned out to 1,000 Telegram chats (and Discord channels) through
 *   the send queue, against a fake platform that answers 429 above its limits (30 msg/s
 *   overall, 1/s per chat). Time is simulated on an injected clock, so the figure is the
 *   schedule the rate limits impose, not this machine's speed; `*_429s` counts refusals.
 */
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Notifier } from '../src/alerts/notifier.ts';
import { createSendQueue } from '../src/alerts/send-queue.ts';
import { emptyAnalysis } from '../src/analysis/analysis.ts';
import { systemClock } from '../src/core/clock.ts';
import { silentLogger } from '../src/core/logger.ts';
import type { Platform } from '../src/core/invocation.ts';
import { createApp } from '../src/main.ts';
import { manualClock } from '../test/fakes/manual-clock.ts';
import { FakePlatform } from '../test/fakes/recording-notifier.ts';
import { storyUpdate } from '../test/fakes/story-updates.ts';

const STORED = 10_000;
const FILES = 30;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 10) / 10;
}

async function alertLatency(stored: number): Promise<{ p50: number; p95: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'sitrep-bench-alerts-'));
  const app = createApp({
    db: join(dir, 'sitrep.db'),
    clock: systemClock,
  });
  try {
    app.store.transaction(() => {
      for (let n = 0; n < stored; n++) {
        const day = new Date(Date.UTC(2020, 0, 1) + n * 3_600_000).toISOString();
        app.store.addArticle(
          {
            title: `Background report ${n} on regional politics`,
            body: `Filler article number ${n} about talks, budgets and elections in the region.`,
            outlet: `Outlet ${n % 40}`,
            url: `https://example.org/background/${n}`,
            published: day,
            tags: [],
            lang: 'en',
            origin: 'bench',
          },
          emptyAnalysis(),
        );
      }
    });
    app.alerts.subscriptions.upsert({
      platform: 'console',
      channelId: 'console',
      topic: 'kosovo',
      minLevel: 3,
      digest: 'off',
      created: new Date().toISOString(),
    });
    let sent: ((at: number) => void) | null = null;
    const notifier: Notifier = {
      platform: 'console',
      async send(message) {
        sent?.(performance.now());
        return { messageId: message.deliveryId };
      },
    };
    const live = await app.startLive({
      notifiers: [notifier],
      inboxDir: join(dir, 'inbox'),
      feeds: [],
      feedIntervalMs: 60_000,
      allowPrivateFetch: false,
      fetchPages: false,
      digestHour: 7,
    });
    const latencies: number[] = [];
    const towns = ['Zvecan', 'Leposavic', 'Zubin Potok', 'Mitrovica', 'Jarinje', 'Banjska'];
    for (let n = 0; n < FILES; n++) {
      // Ten days apart, so each file is a new story for any clustering with a week's window.
      // Twelve dead make each a major event: alerted on its first report, past the day's cap
      // on first alerts (a lesser event waits for a second outlet to confirm it).
      const day = new Date(Date.UTC(2024, 0, 1 + n * 10)).toISOString().slice(0, 10);
      const town = towns[n % towns.length]!;
      const text = `Gunmen clash with Kosovo police near ${town}, report ${n}\n\nby Balkan Wire\n\n${day} 07:30\n\nArmed men opened fire on a Kosovo police patrol near ${town}, and officers returned fire during a clash in which twelve officers were killed (report ${n}).\n`;
      const arrived = new Promise<number>((resolve) => (sent = resolve));
      const start = performance.now();
      await writeFile(join(dir, 'inbox', `clash-${n}.txt.part`), text);
      await rename(join(dir, 'inbox', `clash-${n}.txt.part`), join(dir, 'inbox', `clash-${n}.txt`));
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`file ${n} raised no alert within 10 s`)),
          10_000,
        ).unref(),
      );
      latencies.push((await Promise.race([arrived, timeout])) - start);
    }
    await live.stop();
    return { p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
  } finally {
    app.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function fanout(
  platform: Platform,
): Promise<{ seconds: number; tooMany: number; maxPerSecond: number }> {
  const clock = manualClock('2024-01-01T00:00:00Z');
  const app = createApp({ db: ':memory:', clock });
  try {
    for (let n = 0; n < 1000; n++) {
      app.alerts.subscriptions.upsert({
        platform,
        channelId: `chat-${n}`,
        topic: 'kosovo',
        minLevel: 3,
        digest: 'off',
        created: clock.now().toISOString(),
      });
    }
    const fake = new FakePlatform({
      clock,
      platform,
      globalPerSecond: platform === 'telegram' ? 30 : 50,
      channelPerSecond: 1,
    });
    const queue = createSendQueue({
      notifier: fake,
      outbox: app.alerts.outbox,
      subscriptions: app.alerts.subscriptions,
      clock,
      logger: silentLogger,
    });
    const start = clock.ms();
    app.alerts.detector.handle(storyUpdate());
    for (let passes = 0; app.alerts.outbox.backlog().pending > 0 && passes < 100_000; passes++) {
      const { wakeAt } = await queue.drain();
      if (wakeAt !== null) clock.advance(Math.max(1, wakeAt - clock.ms()));
    }
    if (fake.messages.length !== 1000)
      throw new Error(`fan-out delivered ${fake.messages.length} of 1000`);
    let maxPerSecond = 0;
    for (const message of fake.messages) {
      const inWindow = fake.messages.filter(
        (other) => other.at > message.at - 1000 && other.at <= message.at,
      ).length;
      maxPerSecond = Math.max(maxPerSecond, inWindow);
    }
    const last = Math.max(...fake.messages.map((message) => message.at));
    return {
      seconds: Math.round((last - start) / 100) / 10,
      tooMany: fake.tooManyRequests,
      maxPerSecond,
    };
  } finally {
    app.close();
  }
}

/** `size` is the harness's `--size`: a smaller run (the bench's own test) stores that many instead. */
export async function run(options: { size?: number } = {}): Promise<Record<string, unknown>> {
  const stored = Math.min(STORED, options.size ?? STORED);
  const alert_latency_ms = await alertLatency(stored);
  const telegram = await fanout('telegram');
  const discord = await fanout('discord');
  return {
    alert_latency_ms,
    stored_articles: stored,
    fanout_1000_s: telegram.seconds,
    fanout_1000_429s: telegram.tooMany,
    fanout_1000_max_per_s: telegram.maxPerSecond,
    fanout_1000_discord_s: discord.seconds,
    fanout_1000_discord_429s: discord.tooMany,
    fanout_1000_discord_max_per_s: discord.maxPerSecond,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(), null, 2));
}
