import { describe, expect, it } from 'vitest';
import { createAlertDetector } from '../../src/alerts/detector.ts';
import { alertMigrations } from '../../src/alerts/migrations.ts';
import { createOutbox } from '../../src/alerts/outbox.ts';
import { createSubscriptions } from '../../src/alerts/subscriptions.ts';
import { openDatabase } from '../../src/corpus/store/database.ts';
import { corpusMigrations } from '../../src/corpus/store/migrations.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { manualClock } from '../fakes/manual-clock.ts';
import { storyUpdate } from '../fakes/story-updates.ts';

/** What one article itself reports: its level and toll, not a question. */
const report = (level: number, fatalities = 0) => ({ level, fatalities, question: false });

function setup() {
  const db = openDatabase(':memory:', [...corpusMigrations, ...alertMigrations]);
  const clock = manualClock();
  const subscriptions = createSubscriptions(db);
  const outbox = createOutbox(db, () => clock.now());
  const woken: string[] = [];
  const detector = createAlertDetector({
    subscriptions,
    outbox,
    clock,
    logger: silentLogger,
    article: () => ({
      title: 'Gunmen clash with Kosovo police in Banjska',
      outlet: 'Balkan Wire',
      url: 'https://example.org/banjska',
      published: '2023-09-24T08:00:00.000Z',
    }),
    onEnqueued: (platform) => woken.push(platform),
  });
  const subscribe = (channelId: string, topic: string, minLevel: number) =>
    subscriptions.upsert({
      platform: 'console',
      channelId,
      topic,
      minLevel,
      digest: 'off',
      created: clock.now().toISOString(),
    });
  return { db, clock, subscriptions, outbox, detector, subscribe, woken };
}

describe('alert detector', () => {
  it('alerts every matching subscription once for a new story at or above its threshold', () => {
    const { detector, subscribe, outbox, woken } = setup();
    subscribe('a', 'kosovo', 3);
    subscribe('b', 'kosovo', 4);
    subscribe('c', 'kosovo', 5);
    subscribe('d', 'ukraine', 1);
    const ids = detector.handle(storyUpdate());
    expect(ids).toHaveLength(2);
    const channels = ids.map((id) => outbox.get(id)!.channelId).sort();
    expect(channels).toEqual(['a', 'b']);
    expect(woken).toEqual(['console', 'console']);
    const delivery = outbox.get(ids[0]!)!;
    expect(delivery.kind).toBe('alert');
    expect(delivery.level).toBe(4);
    expect(JSON.stringify(delivery.reply)).toContain('armed clash in Banjska');
    expect(JSON.stringify(delivery.reply)).toContain('https://example.org/banjska');
  });

  it('stays silent below the threshold', () => {
    const { detector, subscribe } = setup();
    subscribe('a', 'kosovo', 5);
    expect(detector.handle(storyUpdate({ level: 4 }))).toEqual([]);
  });

  it('never lets an update without topics reach a scoped subscription', () => {
    const { detector, subscribe } = setup();
    subscribe('a', 'kosovo', 1);
    expect(detector.handle(storyUpdate({ topics: [] }))).toEqual([]);
    expect(detector.handle(storyUpdate({ topics: ['serbia'] }))).toEqual([]);
  });

  it('sends one alert per channel even when two of its topics match', () => {
    const { detector, subscribe } = setup();
    subscribe('a', 'kosovo', 3);
    subscribe('a', 'serbia', 2);
    expect(detector.handle(storyUpdate({ topics: ['kosovo', 'serbia'] }))).toHaveLength(1);
  });

  it('alerts again when a report raises the level (a new phase), threaded, and not otherwise', () => {
    const { detector, subscribe, outbox } = setup();
    subscribe('a', 'kosovo', 3);
    const [first] = detector.handle(storyUpdate({ level: 3, report: report(3) }));
    const same = storyUpdate({
      isNewStory: false,
      previousLevel: 3,
      level: 3,
      articleId: 'a2',
      report: report(3),
    });
    expect(detector.handle(same)).toEqual([]);
    const raise = storyUpdate({
      isNewStory: false,
      previousLevel: 3,
      level: 4,
      articleId: 'a3',
      report: report(4),
    });
    const [raised] = detector.handle(raise);
    expect(raised).toBeDefined();
    expect(outbox.get(raised!)).toMatchObject({ kind: 'escalation', level: 4, threadRoot: first });
    // The same raise reported twice (a re-run, a near-duplicate) is still one alert.
    expect(detector.handle({ ...raise, articleId: 'a4' })).toEqual([]);
  });

  it('alerts a story that climbs over the threshold after it began below it', () => {
    const { detector, subscribe, outbox } = setup();
    subscribe('a', 'kosovo', 4);
    expect(detector.handle(storyUpdate({ level: 2, report: report(2) }))).toEqual([]);
    const [id] = detector.handle(storyUpdate({ isNewStory: false, previousLevel: 2, level: 4 }));
    expect(outbox.get(id!)).toMatchObject({ kind: 'alert', threadRoot: null });
  });

  it('follows up on deaths only when the toll clearly rises, not on every new count', () => {
    const { detector, subscribe, outbox } = setup();
    subscribe('a', 'kosovo', 4);
    const [first] = detector.handle(storyUpdate({ level: 5, fatalities: 3, report: report(5, 3) }));
    const toll = (previous: number, now: number, articleId: string) =>
      storyUpdate({
        articleId,
        isNewStory: false,
        previousLevel: 5,
        level: 5,
        previousFatalities: previous,
        fatalities: now,
        reasons: [`${now} killed`],
        report: report(5, now),
      });
    expect(detector.handle(toll(3, 4, 'a2'))).toEqual([]);
    const [followUp] = detector.handle(toll(4, 12, 'a3'));
    expect(outbox.get(followUp!)).toMatchObject({ kind: 'follow-up', threadRoot: first });
    expect(JSON.stringify(outbox.get(followUp!)!.reply)).toContain('12 (was 4)');
    // 12 to 14 is no news; 12 to 20 is.
    expect(detector.handle(toll(12, 14, 'a4'))).toEqual([]);
    expect(detector.handle(toll(14, 20, 'a5'))).toHaveLength(1);
  });

  it('waits for a second report or outlet before a first alert, unless many were killed', () => {
    const { detector, subscribe, outbox } = setup();
    subscribe('a', 'kosovo', 4);
    const single = { reports: 1, outlets: 1 };
    expect(detector.handle(storyUpdate({ ...single, level: 4 }))).toEqual([]);
    const [confirmed] = detector.handle(
      storyUpdate({ isNewStory: false, previousLevel: 4, level: 4, reports: 2, outlets: 1 }),
    );
    expect(outbox.get(confirmed!)).toMatchObject({ kind: 'alert' });
    const massacre = storyUpdate({
      ...single,
      storyId: 'story-camp',
      level: 5,
      fatalities: 20,
      report: report(5, 20),
    });
    expect(detector.handle(massacre)).toHaveLength(1);
  });

  it('after three first alerts in a day lets only a major event through', () => {
    const { detector, subscribe, clock } = setup();
    subscribe('a', 'kosovo', 4);
    for (const id of ['s1', 's2', 's3'])
      expect(detector.handle(storyUpdate({ storyId: id }))).toHaveLength(1);
    expect(detector.handle(storyUpdate({ storyId: 's4' }))).toEqual([]);
    const widelyReported = storyUpdate({ storyId: 's5', reports: 4, outlets: 3 });
    expect(detector.handle(widelyReported)).toHaveLength(1);
    clock.advance(86_400_001);
    expect(detector.handle(storyUpdate({ storyId: 's6' }))).toHaveLength(1);
  });

  it('never alerts on an old story, nor follows up on a reaction or an explainer', () => {
    const { detector, subscribe } = setup();
    subscribe('a', 'kosovo', 4);
    // Confirmed only three days after its first report, by a reaction: old news by then.
    const late = storyUpdate({
      storyId: 'story-old',
      firstSeen: '2023-09-21T08:00:00.000Z',
      published: '2023-09-24T09:00:00.000Z',
      report: report(1),
    });
    expect(detector.handle(late)).toEqual([]);
    // Unless that report itself brings the story to the threshold: days of threats, then an attack.
    expect(detector.handle({ ...late, report: report(4) })).toHaveLength(1);
    detector.handle(storyUpdate({ level: 4 }));
    const explainer = storyUpdate({
      isNewStory: false,
      previousLevel: 4,
      level: 5,
      fatalities: 30,
      report: { level: 0, fatalities: 0, question: true },
    });
    expect(detector.handle(explainer)).toEqual([]);
    const reaction = storyUpdate({ isNewStory: false, level: 4, report: report(0) });
    expect(detector.handle(reaction)).toEqual([]);
  });

  it('posts a de-escalation on an alerted story as a follow-up, once', () => {
    const { detector, subscribe, outbox } = setup();
    subscribe('a', 'kosovo', 4);
    const [first] = detector.handle(storyUpdate());
    const calm = storyUpdate({
      isNewStory: false,
      previousLevel: 4,
      level: 4,
      deEscalation: true,
      reasons: ['gunmen withdrew from the monastery'],
    });
    const [id] = detector.handle(calm);
    expect(outbox.get(id!)).toMatchObject({ kind: 'de-escalation', threadRoot: first });
    expect(detector.handle({ ...calm, articleId: 'another' })).toEqual([]);
  });

  it('ignores a de-escalation on a story that never alerted', () => {
    const { detector, subscribe } = setup();
    subscribe('a', 'kosovo', 5);
    expect(
      detector.handle(storyUpdate({ isNewStory: false, previousLevel: 4, deEscalation: true })),
    ).toEqual([]);
  });

  it('holds back alerts while a channel is snoozed or paused, and during a quiet baseline', () => {
    const { detector, subscribe, subscriptions, clock } = setup();
    subscribe('a', 'kosovo', 3);
    subscriptions.snooze(
      { platform: 'console', channelId: 'a' },
      new Date(clock.ms() + 3_600_000).toISOString(),
    );
    expect(detector.handle(storyUpdate())).toEqual([]);
    expect(detector.quietly(() => detector.handle(storyUpdate({ storyId: 'x' })))).toEqual([]);
    clock.advance(3_600_001);
    expect(detector.handle(storyUpdate())).toHaveLength(1);
    subscriptions.pause({ platform: 'console', channelId: 'a' }, 'gone', clock.now().toISOString());
    expect(detector.handle(storyUpdate({ storyId: 'other' }))).toEqual([]);
  });
});
