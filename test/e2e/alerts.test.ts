import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/core/clock.ts';
import { createApp, type App } from '../../src/main.ts';
import type { Live } from '../../src/live.ts';
import { answerLine } from '../../src/platforms/console/repl.ts';
import { createSourceState } from '../../src/sources/source-state.ts';
import { createConsoleNotifier } from '../../src/platforms/console/notifier.ts';
import { startServer, type TestServer } from '../fakes/http-server.ts';
import { FakePlatform } from '../fakes/recording-notifier.ts';
import { rss } from '../fakes/rss.ts';
import { storyUpdate } from '../fakes/story-updates.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sampleDir = process.env['SITREP_SAMPLE_DIR'] ?? join(repoRoot, 'data/sample');

const CLASH = `Gunmen clash with Kosovo police near Zvecan

by Balkan Wire

2023-11-12 07:30

https://example.org/zvecan-clash

Armed men opened fire on a Kosovo police patrol near Zvecan early on Sunday, and officers returned fire during a clash that lasted an hour, the interior ministry said.
`;
const SAME_CLASH = `Police and gunmen exchange fire in north Kosovo

by Adriatic Daily

2023-11-12 09:10

https://example.org/north-kosovo-gunfire

Police in the north of Kosovo exchanged gunfire with armed men near Zvecan on Sunday morning. The clash ended when the attackers fled towards the hills.
`;
const DEATHS = `Two officers killed in Zvecan clash

by Balkan Wire

2023-11-12 12:00

https://example.org/zvecan-deaths

Two police officers were killed in the clash with gunmen near Zvecan in Kosovo, the interior ministry said on Sunday afternoon.
`;

/** A console that records what the REPL would print, and says when an alert arrives. */
function recordingConsole() {
  const printed: string[] = [];
  let waiter: ((text: string) => void) | null = null;
  return {
    printed,
    write(text: string) {
      printed.push(text);
      waiter?.(text);
      waiter = null;
    },
    next: () => new Promise<string>((done) => (waiter = done)),
  };
}

let dir = '';
let app: App | undefined;
let live: Live | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  await live?.stop();
  app?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  live = undefined;
  app = undefined;
  server = undefined;
});

async function consoleApp(feeds: { url: string; topics: string[] }[] = []) {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-e2e-'));
  app = createApp({
    db: join(dir, 'sitrep.db'),
    clock: systemClock,
  });
  const screen = recordingConsole();
  const run = (line: string) => answerLine(line, app!.dispatch, app!.services.commands);
  live = await app.startLive({
    notifiers: [createConsoleNotifier(screen)],
    inboxDir: join(dir, 'inbox'),
    // Files are written whole before each scan; settling is tested in the inbox tests.
    inboxSettleMs: 0,
    feeds,
    feedIntervalMs: 60_000,
    allowPrivateFetch: true,
    fetchPages: false,
    digestHour: 7,
  });
  return { app, live, screen, run };
}

describe('alerts end to end (console)', () => {
  it('alerts once a second outlet confirms a clash dropped in the inbox, then on its deaths', async () => {
    expect(existsSync(sampleDir), `sample corpus at ${sampleDir}`).toBe(true);
    const { app, live, screen, run } = await consoleApp();
    const sample = await app.ingester.ingestPaths([sampleDir]);
    expect(sample.added.length).toBeGreaterThan(20);
    expect((await run('/subscribe kosovo 3')).outcome).toBe('ok');

    // One outlet's report is not yet a confirmed event: nothing is sent.
    await writeFile(join(dir, 'inbox', 'zvecan-clash.txt'), CLASH);
    await live.inbox!.scan();
    expect(createSourceState(app.store.db).recentInbox(1)[0]).toMatchObject({
      file: 'zvecan-clash.txt',
      outcome: 'processed',
    });
    expect(app.store.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });

    const alert = screen.next();
    await writeFile(join(dir, 'inbox', 'same-clash.txt'), SAME_CLASH);
    await live.inbox!.scan();
    const text = await alert;
    expect(text).toContain('Alert: Gunmen clash with Kosovo police near Zvecan');
    expect(text).toContain('Level: 4 clash');
    expect(text).toContain('armed clash');
    // It cites both reports that confirmed it.
    expect(text).toContain('https://example.org/zvecan-clash');
    expect(text).toContain('https://example.org/north-kosovo-gunfire');
    expect(app.alerts.outbox.backlog()).toMatchObject({ sent: 1, pending: 0 });

    const followUp = screen.next();
    await writeFile(join(dir, 'inbox', 'deaths.txt'), DEATHS);
    await live.inbox!.scan();
    const update = await followUp;
    expect(update).toContain('(follows alert-1)');
    expect(update).toContain('Deaths reported: 2 (was 0)');
    expect(screen.printed.filter((chunk) => chunk.includes('-- alert-'))).toHaveLength(2);
  });

  it("takes a feed's first poll as a baseline and alerts on a new item in the second", async () => {
    const feed = {
      items: [
        {
          guid: 'old',
          title: 'Gunmen attacked a monastery in Banjska, Kosovo',
          body: 'Armed men attacked police in Banjska in Kosovo last month.',
          date: '2023-09-24T08:00:00Z',
        },
      ],
    };
    server = await startServer((_req, res) => res.end(rss(feed.items)));
    const url = `${server.url}/kosovo.xml`;
    const { app, live, screen, run } = await consoleApp([{ url, topics: ['kosovo'] }]);
    expect((await run('/subscribe kosovo 3')).outcome).toBe('ok');

    // Joins the first poll that start-up began (one poll per feed at a time).
    await live.poller!.poll(url);
    expect(createSourceState(app.store.db).feed(url)).toMatchObject({
      baselineDone: true,
      itemsAdded: 1,
    });
    expect(app.alerts.outbox.backlog()).toMatchObject({ pending: 0, sent: 0 });

    // A new clash, and a second report of it that confirms it.
    feed.items.unshift(
      {
        guid: 'new',
        title: 'Kosovo police clash with gunmen near Leposavic',
        body: 'Armed men clashed with Kosovo police near Leposavic on Tuesday.',
        date: '2023-11-14T06:00:00Z',
      },
      {
        guid: 'newer',
        title: 'Gunfire near Leposavic as police fight armed group',
        body: 'Kosovo police fought an armed group near Leposavic on Tuesday morning, officials said.',
        date: '2023-11-14T08:00:00Z',
      },
    );
    const alert = screen.next();
    expect(await live.poller!.poll(url)).toMatchObject({ outcome: 'new items', added: 2 });
    expect(await alert).toMatch(/Alert: (Kosovo police clash with gunmen|Gunfire) near Leposavic/);
    expect(app.alerts.outbox.backlog()).toMatchObject({ sent: 1 });
  });
});

describe('alert delivery across a crash', () => {
  async function crashingSetup() {
    dir = await mkdtemp(join(tmpdir(), 'sitrep-crash-'));
    const db = join(dir, 'sitrep.db');
    const platform = new FakePlatform({
      clock: systemClock,
      platform: 'discord',
      idempotent: true,
    });
    const first = createApp({ db, clock: systemClock });
    first.alerts.subscriptions.upsert({
      platform: 'discord',
      channelId: 'news',
      topic: 'kosovo',
      minLevel: 3,
      digest: 'off',
      created: new Date().toISOString(),
    });
    const [id] = first.alerts.detector.handle(storyUpdate());
    return { db, platform, first, id: id! };
  }

  it('delivers exactly once when the process dies between "sending" and "sent"', async () => {
    const { db, platform, first, id } = await crashingSetup();
    platform.hangAfterDelivering = true;
    const delivered = platform.nextMessage();
    // The pass never finishes: the process is about to die. Its later errors are the dead process's.
    first.alerts
      .addNotifier(platform)
      .drain()
      .catch(() => {});
    await delivered;
    expect(first.alerts.outbox.get(id)!.state).toBe('sending');
    first.close(); // the crash: `sent` is never recorded

    platform.hangAfterDelivering = false;
    app = createApp({ db, clock: systemClock });
    const queue = app.alerts.addNotifier(platform);
    expect(queue.recover()).toBe(1);
    await queue.drain();
    expect(platform.calls).toHaveLength(2);
    expect(platform.messages).toHaveLength(1);
    expect(app.alerts.outbox.get(id)).toMatchObject({ state: 'sent', messageId: 'm1' });
  });

  it('delivers exactly once when the process dies after claiming but before sending', async () => {
    const { db, platform, first, id } = await crashingSetup();
    expect(first.alerts.outbox.claim(id)).toBe(true);
    first.close();
    app = createApp({ db, clock: systemClock });
    const queue = app.alerts.addNotifier(platform);
    queue.recover();
    await queue.drain();
    await queue.drain();
    expect(platform.messages).toHaveLength(1);
    expect(app.alerts.outbox.get(id)!.state).toBe('sent');
  });

  it('resumes pending deliveries after a restart and never resends a sent one', async () => {
    const { db, platform, first, id } = await crashingSetup();
    first.close();
    app = createApp({ db, clock: systemClock });
    const queue = app.alerts.addNotifier(platform);
    queue.recover();
    await queue.drain();
    app.close();
    app = createApp({ db, clock: systemClock });
    const again = app.alerts.addNotifier(platform);
    expect(again.recover()).toBe(0);
    await again.drain();
    expect(platform.calls).toHaveLength(1);
    expect(app.alerts.outbox.get(id)!.state).toBe('sent');
  });
});
