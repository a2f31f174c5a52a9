import type { StoryUpdate } from '../analysis/story-update.ts';
import type { Article } from '../corpus/article.ts';
import type { Clock } from '../core/clock.ts';
import type { Platform } from '../core/invocation.ts';
import type { Logger } from '../core/logger.ts';
import { alertReply } from './alert-message.ts';
import type { DeliveryKind, Outbox, StoryHistory } from './outbox.ts';
import type { ChannelKey, Subscriptions } from './subscriptions.ts';

export interface AlertDetector {
  /**
   * Decides who hears about one story update and puts those alerts in the outbox. Call it
   * inside the article's ingest transaction (the story indexer's `onUpdate`): the alerts then
   * commit, or roll back, together with the article, so an ingested article never loses its alerts.
   * Returns the outbox ids it created.
   */
  handle(update: StoryUpdate): number[];
  /** Runs `work` with detection off: a feed's first fetch is a baseline that alerts nobody. */
  quietly<T>(work: () => T): T;
}

/** What an alert cites of an article. */
export type AlertSource = Pick<Article, 'title' | 'outlet' | 'url' | 'published'>;

export interface DetectorOptions {
  subscriptions: Subscriptions;
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
  /** The article behind an update, for the alert's title, outlet and link. */
  article(id: string): AlertSource | null;
  /**
   * The first reports of a story (at most three), which a first alert cites: an event is
   * alerted once confirmed, and the subscriber sees who confirmed it. Without it a first alert
   * cites the article that confirmed the story.
   */
  storyReports?(storyId: string): AlertSource[];
  /** Told after each enqueue, so the platform's send queue wakes up. */
  onEnqueued?(platform: Platform): void;
}

interface Decision {
  kind: Exclude<DeliveryKind, 'digest'>;
  key: string;
  threadRoot: number | null;
}

/**
 * A story is confirmed for a first alert when a second report or a second outlet carries it,
 * or when its first report already counts this many dead: a single human-interest piece or a
 * stray headline is not yet an event a subscriber needs to hear about.
 */
const CONFIRMING_REPORTS = 2;
const MASS_CASUALTIES = 10;
/** A story first alerted later than this after its first report is old news: it stays silent. */
const FRESH_MS = 2 * 86_400_000;
/**
 * A channel hears this many first alerts a day on the strength of confirmation alone; beyond
 * that, on a day of war when events pile up, only a major one (many dead, or widely reported)
 * gets through, so the alerts a subscriber gets stay the ones they would keep.
 */
const DAILY_ALERTS = 3;
const MAJOR_REPORTS = 4;
const DAY_MS = 86_400_000;
/** Deaths must rise by at least this many, and by half, for a follow-up. */
const DEATHS_STEP = 5;
const DEATHS_RATIO = 1.5;

const major = (update: StoryUpdate) =>
  update.fatalities >= MASS_CASUALTIES || update.reports >= MAJOR_REPORTS;

const confirmed = (update: StoryUpdate) =>
  update.reports >= CONFIRMING_REPORTS ||
  update.outlets >= CONFIRMING_REPORTS ||
  update.fatalities >= MASS_CASUALTIES;

/** The toll clearly rose since the last message on the story: not 70 to 72, but 70 to 110. */
const deathsRose = (alerted: number, now: number) =>
  now - alerted >= DEATHS_STEP && now >= alerted * DEATHS_RATIO;

/**
 * The alert rules, per channel, once per event (story):
 * - a channel that never heard of the story gets an alert when the story, at or above the
 *   channel's threshold, is confirmed (a second report or outlet, or a mass-casualty toll) within
 *   two days of its first report, or later by a report that itself brings it to the threshold
 *   (threats turned into an attack); the story's level comes from what its reports' headlines
 *   and leads report, so a reaction, an explainer or an angle never raises it; after three
 *   first alerts in a day, only a major event (ten dead, or four reports) gets a fourth;
 * - after that, threaded on the alert, only when the event itself changes: an escalation when a
 *   report raises its level (a new phase), a follow-up when a report's death toll clearly rises,
 *   a de-escalation once when a report's headline and lead report a step back in it (ceasefire,
 *   withdrawal, release);
 * - anything else (a repeat, another angle, a reaction, near-duplicates, questions) is silent.
 * Topics are an allow-list: an update with no topic matches no subscription.
 */
function decide(
  update: StoryUpdate,
  minLevel: number,
  history: StoryHistory,
  alertsToday: () => number,
): Decision | null {
  if (history.root === null) {
    if (update.level < minLevel || !confirmed(update)) return null;
    if (!major(update) && alertsToday() >= DAILY_ALERTS) return null;
    // Old news, unless this very report brings the story to the level (a threat turned attack).
    const old = Date.parse(update.published) - Date.parse(update.firstSeen) > FRESH_MS;
    if (old && update.report.level < minLevel) return null;
    return {
      kind: 'alert',
      key: `story:${update.storyId}:level:${update.level}`,
      threadRoot: null,
    };
  }
  if (update.nearDuplicate || update.report.question) return null;
  if (update.report.level > history.level) {
    return {
      kind: 'escalation',
      key: `story:${update.storyId}:level:${update.report.level}`,
      threadRoot: history.root,
    };
  }
  if (deathsRose(history.deaths, update.report.fatalities)) {
    return {
      kind: 'follow-up',
      key: `story:${update.storyId}:deaths:${update.report.fatalities}`,
      threadRoot: history.root,
    };
  }
  if (update.deEscalation) {
    return {
      kind: 'de-escalation',
      key: `story:${update.storyId}:calm-after:${history.lastAlert}`,
      threadRoot: history.root,
    };
  }
  return null;
}

export function createAlertDetector(options: DetectorOptions): AlertDetector {
  const { subscriptions, outbox, clock, logger } = options;
  let quiet = 0;

  function handle(update: StoryUpdate): number[] {
    if (quiet > 0 || update.topics.length === 0) return [];
    const now = clock.now();
    // One decision per channel, at the lowest threshold among its matching subscriptions.
    const channels = new Map<string, { channel: ChannelKey; minLevel: number }>();
    for (const subscription of subscriptions.activeFor(update.topics, now)) {
      const id = `${subscription.platform}\u0000${subscription.channelId}`;
      const seen = channels.get(id);
      if (!seen || subscription.minLevel < seen.minLevel) {
        channels.set(id, {
          channel: { platform: subscription.platform, channelId: subscription.channelId },
          minLevel: subscription.minLevel,
        });
      }
    }
    const created: number[] = [];
    let article: AlertSource | null | undefined;
    for (const { channel, minLevel } of channels.values()) {
      const decision = decide(update, minLevel, outbox.history(channel, update.storyId), () =>
        outbox.alertsSince(channel, new Date(now.getTime() - DAY_MS).toISOString()),
      );
      if (!decision) continue;
      article ??= options.article(update.articleId);
      const sources =
        decision.kind === 'alert' ? (options.storyReports?.(update.storyId) ?? []) : [];
      const id = outbox.enqueue(
        {
          ...channel,
          key: decision.key,
          storyId: update.storyId,
          kind: decision.kind,
          level: decision.kind === 'escalation' ? update.report.level : update.level,
          deaths: update.fatalities,
          reply: alertReply(decision.kind, update, sources.length > 0 ? sources : [article]),
          threadRoot: decision.threadRoot,
        },
        now.getTime(),
      );
      if (id === null) continue;
      created.push(id);
      logger.info(
        { story: update.storyId, kind: decision.kind, level: update.level, ...channel },
        'alert queued',
      );
      options.onEnqueued?.(channel.platform);
    }
    return created;
  }

  return {
    handle,
    quietly(work) {
      quiet++;
      try {
        return work();
      } finally {
        quiet--;
      }
    },
  };
}
