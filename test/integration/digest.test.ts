import { describe, expect, it } from 'vitest';
import { createDigestScheduler, localTime } from '../../src/alerts/digest.ts';
import type { ChannelKey } from '../../src/alerts/subscriptions.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { createApp } from '../../src/main.ts';
import { manualClock } from '../fakes/manual-clock.ts';

const article = (title: string, published: string) => ({
  title,
  body: `${title}. Officials in Pristina commented on the situation in Kosovo.`,
  outlet: 'Balkan Wire',
  url: `https://example.org/${encodeURIComponent(title)}`,
  published,
  tags: [],
  lang: 'en',
  origin: 'test',
});

function setup(start: string) {
  const clock = manualClock(start);
  const app = createApp({ db: ':memory:', clock });
  const asked: { topic: string; channel: ChannelKey }[] = [];
  const digests = createDigestScheduler({
    subscriptions: app.alerts.subscriptions,
    outbox: app.alerts.outbox,
    store: app.store,
    clock,
    logger: silentLogger,
    hour: 7,
    async briefing(topic, channel) {
      asked.push({ topic, channel });
      return { blocks: [{ type: 'heading', text: `Briefing: ${topic}` }], level: 2 };
    },
  });
  const channel = { platform: 'telegram' as const, channelId: 'chat-1' };
  app.alerts.subscriptions.upsert({
    ...channel,
    topic: 'kosovo',
    minLevel: 4,
    digest: 'daily',
    created: clock.now().toISOString(),
  });
  return { app, clock, digests, asked, channel };
}

describe('daily digest', () => {
  it('posts the briefing once a day at the set hour, only when there is new coverage', async () => {
    const { app, clock, digests, asked } = setup('2023-09-30T06:30:00Z');
    app.ingester.ingestArticles([article('Talks stall in Brussels', '2023-09-29T10:00:00Z')]);
    expect(await digests.runDue()).toBe(0);
    clock.set('2023-09-30T07:05:00Z');
    expect(await digests.runDue()).toBe(1);
    expect(asked).toEqual([
      { topic: 'kosovo', channel: { platform: 'telegram', channelId: 'chat-1' } },
    ]);
    clock.set('2023-09-30T07:45:00Z');
    expect(await digests.runDue()).toBe(0);
    // Next day, nothing new: no digest.
    clock.set('2023-10-01T07:05:00Z');
    expect(await digests.runDue()).toBe(0);
    app.ingester.ingestArticles([article('KFOR adds patrols', '2023-10-01T06:50:00Z')]);
    clock.set('2023-10-01T07:20:00Z');
    expect(await digests.runDue()).toBe(1);
    const rows = app.store.db
      .prepare("SELECT delivery_id FROM outbox WHERE kind = 'digest' ORDER BY id")
      .all();
    expect(rows).toEqual([
      { delivery_id: 'telegram:chat-1:digest:kosovo:2023-09-30' },
      { delivery_id: 'telegram:chat-1:digest:kosovo:2023-10-01' },
    ]);
  });

  it("follows the channel's time zone", async () => {
    const { app, clock, digests, channel } = setup('2023-09-30T05:10:00Z');
    app.ingester.ingestArticles([article('Talks stall in Brussels', '2023-09-29T10:00:00Z')]);
    app.alerts.subscriptions.setTimeZone(channel, 'Europe/Belgrade');
    expect(localTime(clock.now(), 'Europe/Belgrade')).toEqual({ date: '2023-09-30', hour: 7 });
    expect(await digests.runDue()).toBe(1);
  });
});
