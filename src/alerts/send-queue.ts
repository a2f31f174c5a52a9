import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import { DeliveryError, type Notifier, type OutgoingMessage } from './notifier.ts';
import type { Delivery, Outbox } from './outbox.ts';
import { Limiter, PLATFORM_LIMITS, type PlatformLimits } from './rate-limit.ts';
import type { ChannelKey, Subscriptions } from './subscriptions.ts';
import { plural } from '../core/plural.ts';

export interface SendQueueOptions {
  notifier: Notifier;
  outbox: Outbox;
  subscriptions: Subscriptions;
  clock: Clock;
  logger: Logger;
  limits?: PlatformLimits;
  /** Transient failures before a delivery is given up as failed. */
  maxAttempts?: number;
  /** Consecutive gone/forbidden failures before a channel's subscriptions are paused. */
  pauseAfterFailures?: number;
  /** Wall-time wait for a pass's sends before going on without a hung one (default 10 s). */
  sendWaitMs?: number;
  /** Told how each attempt ended, for metrics (`sitrep_deliveries_total`). */
  onOutcome?(outcome: DeliveryOutcome): void;
}

/** How one send attempt ended. */
export type DeliveryOutcome = 'sent' | 'rate-limited' | 'retry' | 'failed' | 'paused';

export interface DrainResult {
  /** Deliveries handed to the notifier in this pass. */
  attempted: number;
  /** Clock time (ms) at which more can go, or null when nothing is pending. */
  wakeAt: number | null;
}

/**
 * One platform's sender: takes due deliveries from the outbox, keeps to the platform's rates
 * (global and per channel token buckets), honours `retry_after`, retries transient failures
 * with exponential backoff, and pauses a channel that is gone or forbids the bot.
 *
 * Delivery guarantee. A row is marked `sending` (committed) before the notifier is called and
 * `sent` (with the platform's message id) after it returns. A crash between the two leaves the
 * row `sending`; on start `recover()` puts such rows back to `pending` and they are sent again
 * with the SAME `deliveryId`. With an idempotent notifier (one that dedupes on `deliveryId`, as
 * Discord does with an enforced nonce) the channel therefore receives the alert exactly once;
 * with one that cannot dedupe the in-doubt window (after the platform accepted the message,
 * before `sent` committed) may give a duplicate, never a loss. A crash anywhere else loses
 * nothing and duplicates nothing: a `pending` row was never sent, a `sent` row is never resent.
 */
export interface SendQueue {
  readonly platform: Notifier['platform'];
  /** Puts deliveries a stopped process left in `sending` back in the queue. */
  recover(): number;
  /** Sends everything that may go now, within the rates; resolves when nothing more can. */
  drain(): Promise<DrainResult>;
  /** Starts the background loop (recover, then drain whenever work is due or kicked). */
  start(): void;
  /** New work arrived: drain soon. */
  kick(): void;
  /** Stops the loop and waits for sends in flight. */
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 10 * 60_000;
const IDLE_WAKE_MS = 30_000;
/** A 429 on one channel slows the whole platform at most this long (the rest is per channel). */
const PLATFORM_PAUSE_CAP_MS = 5_000;
/**
 * How long a pass waits for its sends before going on without them. A send that hangs keeps
 * its row `sending` (so its channel waits, in order) and one concurrency slot, nothing more.
 */
const SEND_WAIT_MS = 10_000;

const backoffMs = (attempts: number) =>
  Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempts - 1));

export function createSendQueue(options: SendQueueOptions): SendQueue {
  const { notifier, outbox, subscriptions, clock, logger } = options;
  const platform = notifier.platform;
  const limits = options.limits ?? PLATFORM_LIMITS[platform];
  const maxAttempts = options.maxAttempts ?? 8;
  const pauseAfter = options.pauseAfterFailures ?? 3;
  const sendWaitMs = options.sendWaitMs ?? SEND_WAIT_MS;
  const log = logger.child({ platform });
  const now = () => clock.now().getTime();

  const global = new Limiter(limits.global, now());
  const channels = new Map<string, Limiter>();
  const blockedUntil = new Map<string, number>();
  let platformBlockedUntil = 0;

  const channelLimiter = (channelId: string): Limiter => {
    let limiter = channels.get(channelId);
    if (!limiter) {
      limiter = new Limiter(limits.perChannel, now());
      channels.set(channelId, limiter);
    }
    return limiter;
  };

  function forgetIdle(at: number): void {
    if (channels.size < 5000) return;
    for (const [id, limiter] of channels) if (limiter.idle(at)) channels.delete(id);
    for (const [id, until] of blockedUntil) if (until <= at) blockedUntil.delete(id);
  }

  function fail(delivery: Delivery, error: unknown): void {
    const at = now();
    const channel: ChannelKey = { platform, channelId: delivery.channelId };
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof DeliveryError && error.kind === 'rate-limited') {
      const wait = Math.max(0, error.retryAfterMs ?? 1000);
      blockedUntil.set(delivery.channelId, at + wait);
      platformBlockedUntil = Math.max(
        platformBlockedUntil,
        at + Math.min(wait, PLATFORM_PAUSE_CAP_MS),
      );
      outbox.retryAt(delivery.id, at + wait, `rate limited: ${reason}`);
      options.onOutcome?.('rate-limited');
      log.warn({ channel: delivery.channelId, retryAfterMs: wait }, 'rate limited');
      return;
    }
    if (error instanceof DeliveryError && (error.kind === 'gone' || error.kind === 'forbidden')) {
      const failures = subscriptions.recordFailure(channel);
      if (failures >= pauseAfter) {
        const why = `${error.kind}: ${reason}`;
        subscriptions.pause(channel, why, new Date(at).toISOString());
        outbox.markFailed(delivery.id, why);
        outbox.failChannel(channel, `channel paused (${why})`);
        log.warn({ channel: delivery.channelId, failures, reason: why }, 'channel paused');
        options.onOutcome?.('paused');
        return;
      }
      outbox.retryAt(
        delivery.id,
        at + backoffMs(delivery.attempts + 1),
        `${error.kind}: ${reason}`,
      );
      options.onOutcome?.('retry');
      return;
    }
    const attempts = delivery.attempts + 1;
    if (attempts >= maxAttempts) {
      outbox.markFailed(delivery.id, `gave up after ${plural(attempts, 'attempt')}: ${reason}`);
      log.error({ delivery: delivery.deliveryId, reason }, 'delivery failed');
      options.onOutcome?.('failed');
      return;
    }
    outbox.retryAt(delivery.id, at + backoffMs(attempts), reason);
    log.warn({ delivery: delivery.deliveryId, attempts, reason }, 'delivery will be retried');
    options.onOutcome?.('retry');
  }

  async function sendOne(delivery: Delivery): Promise<void> {
    if (!outbox.claim(delivery.id)) return;
    const replyTo =
      delivery.threadRoot === null ? null : (outbox.get(delivery.threadRoot)?.messageId ?? null);
    const { threadId } = subscriptions.channel({ platform, channelId: delivery.channelId });
    const message: OutgoingMessage = {
      deliveryId: delivery.deliveryId,
      to: { platform, channelId: delivery.channelId, ...(threadId ? { threadId } : {}) },
      reply: delivery.reply,
      ...(replyTo ? { replyTo } : {}),
    };
    try {
      const { messageId } = await notifier.send(message);
      outbox.markSent(delivery.id, messageId, clock.now().toISOString());
      subscriptions.recordSuccess({ platform, channelId: delivery.channelId });
      options.onOutcome?.('sent');
    } catch (error) {
      fail(delivery, error);
    }
  }

  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let kicked = false;
  const kick = () => {
    kicked = true;
    wake?.();
  };
  const inFlight = new Set<Promise<void>>();

  /** Waits for the sends, or for SEND_WAIT_MS of wall time if one of them hangs. */
  async function settle(sends: Promise<void>[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, sendWaitMs);
      timer.unref();
    });
    await Promise.race([Promise.all(sends), giveUp]);
    clearTimeout(timer);
  }

  async function drain(): Promise<DrainResult> {
    let attempted = 0;
    for (;;) {
      const at = now();
      if (platformBlockedUntil > at) return { attempted, wakeAt: platformBlockedUntil };
      const slots = limits.concurrency - inFlight.size;
      if (slots <= 0) return { attempted, wakeAt: at + sendWaitMs };
      const candidates = outbox.due(platform, at, Math.max(64, limits.concurrency * 8));
      const batch: Delivery[] = [];
      let wakeAt: number | null = null;
      const later = (time: number) => {
        wakeAt = wakeAt === null ? time : Math.min(wakeAt, time);
      };
      for (const delivery of candidates) {
        const blocked = blockedUntil.get(delivery.channelId) ?? 0;
        if (blocked > at) {
          later(blocked);
          continue;
        }
        const perChannel = channelLimiter(delivery.channelId);
        const channelWait = perChannel.waitMs(at);
        if (channelWait > 0) {
          later(at + channelWait);
          continue;
        }
        const globalWait = global.waitMs(at);
        if (globalWait > 0) {
          later(at + globalWait);
          break;
        }
        perChannel.take(at);
        global.take(at);
        batch.push(delivery);
        if (batch.length >= slots) break;
      }
      if (batch.length === 0) {
        forgetIdle(at);
        const next = outbox.nextDue(platform);
        if (wakeAt === null && next !== null) later(Math.max(next, at + 1));
        return { attempted, wakeAt };
      }
      const sends = batch.map((delivery) => {
        const send: Promise<void> = sendOne(delivery).finally(() => {
          inFlight.delete(send);
          // A send that outlived its pass frees a slot and maybe its channel: look again.
          if (running) kick();
        });
        inFlight.add(send);
        return send;
      });
      await settle(sends);
      attempted += batch.length;
    }
  }

  async function run(): Promise<void> {
    while (running) {
      kicked = false;
      let result: DrainResult;
      try {
        result = await drain();
      } catch (error) {
        log.error({ err: error }, 'send queue pass failed');
        result = { attempted: 0, wakeAt: now() + 1000 };
      }
      if (!running) break;
      if (kicked) continue;
      const wait = result.wakeAt === null ? IDLE_WAKE_MS : Math.max(0, result.wakeAt - now());
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  return {
    platform,
    recover() {
      const stuck = outbox.inDoubt(platform);
      for (const delivery of stuck) {
        outbox.retryAt(delivery.id, now(), 'in doubt after a restart; resent with its delivery id');
        const detail = { delivery: delivery.deliveryId };
        if (notifier.idempotent) log.info(detail, 'resending an in-doubt delivery');
        else log.warn(detail, 'resending an in-doubt delivery; the platform may show it twice');
      }
      return stuck.length;
    },
    drain,
    start() {
      if (running) return;
      running = true;
      this.recover();
      loop = run();
    },
    kick,
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = null;
    },
  };
}
