import { DeliveryError, type Notifier, type OutgoingMessage } from '../../src/alerts/notifier.ts';
import type { Clock } from '../../src/core/clock.ts';
import type { Platform } from '../../src/core/invocation.ts';

export interface FakePlatformOptions {
  platform?: Platform;
  clock: Clock;
  /** Dedupe on deliveryId like Discord's enforced nonce. */
  idempotent?: boolean;
  /** Messages per second the fake accepts overall and per channel before answering 429. */
  globalPerSecond?: number;
  channelPerSecond?: number;
}

/**
 * A chat platform in miniature: it records every send call and every message it shows, answers
 * 429 with `retry_after` when its own per-second limits are exceeded, and can be scripted to
 * fail for a channel. Sliding one-second windows on the injected clock.
 */
export class FakePlatform implements Notifier {
  readonly platform: Platform;
  readonly idempotent: boolean;
  readonly calls: OutgoingMessage[] = [];
  readonly messages: (OutgoingMessage & { messageId: string; at: number })[] = [];
  tooManyRequests = 0;
  private readonly failures = new Map<string, DeliveryError[]>();
  private readonly byDelivery = new Map<string, string>();
  /** Resolved whenever a message is shown; tests await `nextMessage()`. */
  private waiters: ((message: OutgoingMessage) => void)[] = [];
  /** When set, `send` records the call and then never settles: the process "dies" mid-send. */
  hangAfterDelivering = false;
  /** Channels whose sends never settle (a request that hangs). */
  readonly hanging = new Set<string>();

  constructor(private readonly options: FakePlatformOptions) {
    this.platform = options.platform ?? 'console';
    this.idempotent = options.idempotent ?? false;
  }

  failNext(channelId: string, ...errors: DeliveryError[]): void {
    this.failures.set(channelId, [...(this.failures.get(channelId) ?? []), ...errors]);
  }

  nextMessage(): Promise<OutgoingMessage> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private overLimit(at: number, channelId: string): boolean {
    const recent = this.messages.filter((message) => message.at > at - 1000);
    const { globalPerSecond, channelPerSecond } = this.options;
    if (globalPerSecond !== undefined && recent.length >= globalPerSecond) return true;
    return (
      channelPerSecond !== undefined &&
      recent.filter((message) => message.to.channelId === channelId).length >= channelPerSecond
    );
  }

  async send(message: OutgoingMessage): Promise<{ messageId: string }> {
    this.calls.push(message);
    if (this.hanging.has(message.to.channelId)) return new Promise(() => {});
    const scripted = this.failures.get(message.to.channelId)?.shift();
    if (scripted) throw scripted;
    const known = this.idempotent ? this.byDelivery.get(message.deliveryId) : undefined;
    if (known) return { messageId: known };
    const at = this.options.clock.now().getTime();
    if (this.overLimit(at, message.to.channelId)) {
      this.tooManyRequests++;
      throw new DeliveryError('rate-limited', 'Too Many Requests', 1000);
    }
    const messageId = `m${this.messages.length + 1}`;
    this.messages.push({ ...message, messageId, at });
    this.byDelivery.set(message.deliveryId, messageId);
    for (const waiter of this.waiters.splice(0)) waiter(message);
    if (this.hangAfterDelivering) return new Promise(() => {});
    return { messageId };
  }
}
