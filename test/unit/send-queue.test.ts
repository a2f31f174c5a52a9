import { describe, expect, it } from 'vitest';
import { alertMigrations } from '../../src/alerts/migrations.ts';
import { DeliveryError } from '../../src/alerts/notifier.ts';
import { createOutbox, type NewDelivery } from '../../src/alerts/outbox.ts';
import { createSendQueue } from '../../src/alerts/send-queue.ts';
import { createSubscriptions } from '../../src/alerts/subscriptions.ts';
import { openDatabase } from '../../src/corpus/store/database.ts';
import { corpusMigrations } from '../../src/corpus/store/migrations.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { manualClock } from '../fakes/manual-clock.ts';
import { FakePlatform } from '../fakes/recording-notifier.ts';

function setup(platformOptions: Partial<ConstructorParameters<typeof FakePlatform>[0]> = {}) {
  const db = openDatabase(':memory:', [...corpusMigrations, ...alertMigrations]);
  const clock = manualClock();
  const outbox = createOutbox(db, () => clock.now());
  const subscriptions = createSubscriptions(db);
  const platform = new FakePlatform({ clock, platform: 'telegram', ...platformOptions });
  const queue = createSendQueue({
    notifier: platform,
    outbox,
    subscriptions,
    clock,
    logger: silentLogger,
  });
  const delivery = (channelId: string, key = 'story:s1:level:4'): NewDelivery => ({
    platform: 'telegram',
    channelId,
    key,
    storyId: 's1',
    kind: 'alert',
    level: 4,
    reply: { blocks: [{ type: 'heading', text: 'Alert' }] },
    threadRoot: null,
  });
  return { db, clock, outbox, subscriptions, platform, queue, delivery };
}

describe('outbox and send queue', () => {
  it('holds one delivery per key and channel however often it is enqueued', async () => {
    const { outbox, queue, platform, delivery, clock } = setup();
    expect(outbox.enqueue(delivery('c1'), clock.ms())).not.toBeNull();
    expect(outbox.enqueue(delivery('c1'), clock.ms())).toBeNull();
    expect(outbox.enqueue(delivery('c2'), clock.ms())).not.toBeNull();
    await queue.drain();
    expect(platform.messages.map((message) => message.to.channelId).sort()).toEqual(['c1', 'c2']);
    expect(outbox.backlog()).toMatchObject({ pending: 0, sent: 2 });
  });

  it('posts into the forum topic or thread the channel subscribed from', async () => {
    const { outbox, queue, platform, delivery, clock, subscriptions } = setup();
    subscriptions.setThread({ platform: 'telegram', channelId: 'c1' }, '12');
    outbox.enqueue(delivery('c1'), clock.ms());
    outbox.enqueue(delivery('c2'), clock.ms());
    await queue.drain();
    const byChannel = new Map(
      platform.messages.map((message) => [message.to.channelId, message.to]),
    );
    expect(byChannel.get('c1')).toEqual({ platform: 'telegram', channelId: 'c1', threadId: '12' });
    expect(byChannel.get('c2')).toEqual({ platform: 'telegram', channelId: 'c2' });
  });

  it('threads follow-ups on the first alert of the story in that channel', async () => {
    const { outbox, queue, platform, delivery, clock } = setup();
    const root = outbox.enqueue(delivery('c1'), clock.ms());
    outbox.enqueue(
      { ...delivery('c1', 'story:s1:deaths:3'), kind: 'follow-up', threadRoot: root },
      clock.ms(),
    );
    await queue.drain();
    clock.advance(5000);
    await queue.drain();
    expect(platform.messages).toHaveLength(2);
    expect(platform.messages[1]!.replyTo).toBe(platform.messages[0]!.messageId);
  });

  it('waits out retry_after on a 429 before sending again', async () => {
    const { outbox, queue, platform, delivery, clock } = setup();
    const id = outbox.enqueue(delivery('c1'), clock.ms())!;
    platform.failNext('c1', new DeliveryError('rate-limited', 'slow down', 30_000));
    const start = clock.ms();
    let wakeAt = (await queue.drain()).wakeAt;
    while (wakeAt !== null && wakeAt < start + 30_000) {
      expect(platform.calls).toHaveLength(1);
      clock.advance(wakeAt - clock.ms());
      wakeAt = (await queue.drain()).wakeAt;
    }
    expect(platform.calls).toHaveLength(1);
    clock.set(new Date(start + 30_000));
    await queue.drain();
    expect(platform.messages).toHaveLength(1);
    expect(outbox.get(id)!.state).toBe('sent');
  });

  it('retries transient failures with growing backoff and then gives up with the reason', async () => {
    const { outbox, subscriptions, platform, delivery, clock, db } = setup();
    const outcomes: string[] = [];
    const queue = createSendQueue({
      notifier: platform,
      outbox,
      subscriptions,
      clock,
      logger: silentLogger,
      maxAttempts: 3,
      onOutcome: (outcome) => outcomes.push(outcome),
    });
    const id = outbox.enqueue(delivery('c1'), clock.ms())!;
    platform.failNext('c1', ...[1, 2, 3].map(() => new DeliveryError('transient', 'HTTP 502')));
    const waits: number[] = [];
    for (let pass = 0; pass < 3; pass++) {
      const { wakeAt } = await queue.drain();
      if (wakeAt !== null) {
        waits.push(wakeAt - clock.ms());
        clock.advance(wakeAt - clock.ms());
      }
    }
    expect(waits).toEqual([1000, 2000]);
    expect(outcomes).toEqual(['retry', 'retry', 'failed']);
    expect(outbox.get(id)).toMatchObject({ state: 'failed' });
    expect(outbox.get(id)!.lastError).toContain('HTTP 502');
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
  });

  it('pauses a channel after repeated gone or forbidden answers', async () => {
    const { outbox, subscriptions, platform, queue, delivery, clock } = setup();
    subscriptions.upsert({
      platform: 'telegram',
      channelId: 'c1',
      topic: 'kosovo',
      minLevel: 3,
      digest: 'off',
      created: clock.now().toISOString(),
    });
    const id = outbox.enqueue(delivery('c1'), clock.ms())!;
    const later = outbox.enqueue(delivery('c1', 'story:s2:level:4'), clock.ms())!;
    platform.failNext(
      'c1',
      ...[1, 2, 3].map(() => new DeliveryError('forbidden', 'bot was kicked')),
    );
    for (let pass = 0; pass < 3; pass++) {
      const { wakeAt } = await queue.drain();
      if (wakeAt !== null) clock.advance(wakeAt - clock.ms());
    }
    expect(subscriptions.isPaused({ platform: 'telegram', channelId: 'c1' })).toBe(true);
    expect(outbox.get(id)!.state).toBe('failed');
    expect(outbox.get(later)!.lastError).toContain('channel paused');
    expect(subscriptions.activeFor(['kosovo'], clock.now())).toEqual([]);
    // Subscribing again is how a manager brings the channel back.
    subscriptions.upsert({
      platform: 'telegram',
      channelId: 'c1',
      topic: 'kosovo',
      minLevel: 3,
      digest: 'off',
      created: clock.now().toISOString(),
    });
    expect(subscriptions.activeFor(['kosovo'], clock.now())).toHaveLength(1);
  });

  it('keeps to the per-chat rate so the platform never answers 429', async () => {
    const { outbox, queue, platform, delivery, clock } = setup({ channelPerSecond: 1 });
    for (let n = 0; n < 5; n++) outbox.enqueue(delivery('c1', `story:s${n}:level:4`), clock.ms());
    let passes = 0;
    while (outbox.backlog().pending > 0 && passes++ < 50) {
      const { wakeAt } = await queue.drain();
      if (wakeAt !== null) clock.advance(Math.max(1, wakeAt - clock.ms()));
    }
    expect(platform.messages).toHaveLength(5);
    expect(platform.tooManyRequests).toBe(0);
  });

  it('resends a delivery left in doubt with the same delivery id', async () => {
    const { outbox, queue, platform, delivery, clock } = setup({ idempotent: true });
    const id = outbox.enqueue(delivery('c1'), clock.ms())!;
    outbox.claim(id);
    await platform.send({
      deliveryId: outbox.get(id)!.deliveryId,
      to: { platform: 'telegram', channelId: 'c1' },
      reply: { blocks: [] },
    });
    expect(queue.recover()).toBe(1);
    await queue.drain();
    expect(platform.calls).toHaveLength(2);
    expect(platform.messages).toHaveLength(1);
    expect(outbox.get(id)).toMatchObject({ state: 'sent', messageId: 'm1' });
  });

  it('goes on with other channels while a send hangs, keeping the hung channel in order', async () => {
    const { outbox, subscriptions, platform, delivery, clock } = setup();
    const queue = createSendQueue({
      notifier: platform,
      outbox,
      subscriptions,
      clock,
      logger: silentLogger,
      sendWaitMs: 5,
    });
    platform.hanging.add('stuck');
    const stuck = outbox.enqueue(delivery('stuck'), clock.ms())!;
    const behind = outbox.enqueue(delivery('stuck', 'story:s2:level:4'), clock.ms())!;
    outbox.enqueue(delivery('fine'), clock.ms());
    await queue.drain();
    clock.advance(5_000);
    await queue.drain();
    expect(platform.messages.map((message) => message.to.channelId)).toEqual(['fine']);
    expect(outbox.get(stuck)!.state).toBe('sending');
    expect(outbox.get(behind)!.state).toBe('pending');
  });
});
