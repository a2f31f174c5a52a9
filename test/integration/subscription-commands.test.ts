import { describe, expect, it } from 'vitest';
import { createSubscriptions } from '../../src/alerts/subscriptions.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { ErrorId } from '../../src/core/errors.ts';
import { createApp } from '../../src/main.ts';
import { invoke } from '../fakes/invoke.ts';

function setup() {
  const app = createApp({ db: ':memory:', clock: fixedClock('2023-09-30T12:00:00Z') });
  const run = (line: string, who: Parameters<typeof invoke>[3] = {}) =>
    invoke(app.dispatch, app.services.commands, line, who);
  return { app, run, subscriptions: createSubscriptions(app.store.db) };
}

describe('subscription commands', () => {
  it('subscribes with a severity given as a number or a name, and a digest', async () => {
    const { run, subscriptions } = setup();
    expect((await run('/subscribe kosovo 3')).outcome).toBe('ok');
    expect((await run('/subscribe Pristina clash digest:daily')).data).toMatchObject({
      topic: 'kosovo',
      minLevel: 4,
      digest: 'daily',
      created: false,
    });
    expect((await run('/subscribe serbia')).data).toMatchObject({ minLevel: 4, digest: 'off' });
    const list = subscriptions.list({ platform: 'telegram', channelId: 'chat-1' });
    expect(list.map((s) => [s.topic, s.minLevel, s.digest])).toEqual([
      ['kosovo', 4, 'daily'],
      ['serbia', 4, 'off'],
    ]);
  });

  it('targets the forum topic the subscription was made in, and the channel itself otherwise', async () => {
    const { run, subscriptions } = setup();
    await run('/subscribe kosovo', { threadId: '12' });
    expect(subscriptions.channel({ platform: 'telegram', channelId: 'chat-1' }).threadId).toBe(
      '12',
    );
    await run('/subscribe serbia');
    expect(
      subscriptions.channel({ platform: 'telegram', channelId: 'chat-1' }).threadId,
    ).toBeNull();
  });

  it('reads severity and digest words typed after the topic', async () => {
    const { run } = setup();
    expect((await run('/subscribe kosovo 3 daily')).data).toMatchObject({
      topic: 'kosovo',
      minLevel: 3,
      digest: 'daily',
    });
    expect((await run('/subscribe nagorno karabakh deadly')).data).toMatchObject({
      topic: 'nagorno-karabakh',
      minLevel: 5,
      digest: 'off',
    });
    expect((await run('/subscribe atlantis 3 daily')).errorId).toBe(ErrorId.UnknownTopic);
  });

  it('refuses unknown topics and bad severities with their ids', async () => {
    const { run } = setup();
    expect((await run('/subscribe atlantis')).errorId).toBe(ErrorId.UnknownTopic);
    expect((await run('/subscribe kosovo severity:9')).errorId).toBe(ErrorId.BadOption);
  });

  it('lets only managers change subscriptions, and only in channels', async () => {
    const { run } = setup();
    expect((await run('/subscribe kosovo 3', { isManager: false })).errorId).toBe(
      ErrorId.NotAllowed,
    );
    expect((await run('/unsubscribe all', { isManager: false })).errorId).toBe(ErrorId.NotAllowed);
    expect((await run('/alerts snooze 1h', { isManager: false })).errorId).toBe(ErrorId.NotAllowed);
    expect((await run('/subscribe kosovo', { kind: 'dm' })).errorId).toBe(ErrorId.NotAllowed);
    expect((await run('/subscriptions', { isManager: false })).outcome).toBe('ok');
  });

  it('unsubscribes one topic or all of them', async () => {
    const { run } = setup();
    await run('/subscribe kosovo 3');
    await run('/subscribe serbia 2');
    expect((await run('/unsubscribe ukraine')).errorId).toBe(ErrorId.NotSubscribed);
    expect((await run('/unsubscribe kosovo')).outcome).toBe('ok');
    expect((await run('/subscriptions')).data).toMatchObject({
      subscriptions: [{ topic: 'serbia', minLevel: 2 }],
    });
    expect((await run('/unsubscribe all')).data).toMatchObject({ removed: 1 });
    expect((await run('/subscriptions')).data).toMatchObject({ subscriptions: [] });
  });

  it('keeps channels apart', async () => {
    const { run } = setup();
    await run('/subscribe kosovo 3', { channelId: 'a' });
    expect((await run('/subscriptions', { channelId: 'b' })).data).toMatchObject({
      subscriptions: [],
    });
  });

  it('snoozes for a duration, resumes, and sets a time zone', async () => {
    const { run } = setup();
    expect((await run('/alerts snooze 6h')).data).toEqual({
      snoozedUntil: '2023-09-30T18:00:00.000Z',
    });
    expect((await run('/subscriptions')).data).toMatchObject({
      snoozedUntil: '2023-09-30T18:00:00.000Z',
    });
    expect((await run('/alerts snooze 30d')).errorId).toBe(ErrorId.OutOfRange);
    expect((await run('/alerts snooze soon')).errorId).toBe(ErrorId.BadOption);
    expect((await run('/alerts resume')).data).toEqual({ snoozedUntil: null });
    expect((await run('/alerts zone Europe/Belgrade')).data).toEqual({
      timeZone: 'Europe/Belgrade',
    });
    expect((await run('/alerts zone Mars/Olympus')).errorId).toBe(ErrorId.BadOption);
  });
});
