/** One rate: at most `capacity` sends in a burst, refilled at `perSecond`. */
export interface Rate {
  capacity: number;
  perSecond: number;
}

/** The budgets one platform's send queue keeps to (platform docs, see notes/platforms.md §4). */
export interface PlatformLimits {
  /** Across every channel of the platform. */
  global: readonly Rate[];
  /** Per channel or chat. */
  perChannel: readonly Rate[];
  /** Sends in flight at once. */
  concurrency: number;
}

/**
 * Discord allows 50 requests/s per bot and 5 messages per 5 s per channel; Telegram about
 * 30 messages/s overall, 1/s per chat and 20/min per group. A bucket lets through its
 * capacity plus what refills during a window, so each pair below keeps burst + refill within
 * the platform's window (Telegram overall: 5 + 25 = 30 in any second; per group: 3 + 17 = 20
 * in any minute), and a fan-out to many channels never meets a 429 in the first place.
 */
export const PLATFORM_LIMITS = {
  discord: {
    global: [{ capacity: 10, perSecond: 40 }],
    perChannel: [{ capacity: 2, perSecond: 0.6 }],
    concurrency: 10,
  },
  telegram: {
    global: [{ capacity: 5, perSecond: 25 }],
    perChannel: [
      { capacity: 1, perSecond: 1 },
      { capacity: 3, perSecond: 17 / 60 },
    ],
    concurrency: 10,
  },
  console: { global: [], perChannel: [], concurrency: 1 },
  cli: { global: [], perChannel: [], concurrency: 1 },
} as const satisfies Record<string, PlatformLimits>;

/** Token buckets for several rates at once: a send takes one token from each. */
export class Limiter {
  private readonly tokens: number[];
  private updated: number;

  constructor(
    private readonly rates: readonly Rate[],
    nowMs: number,
  ) {
    this.tokens = rates.map((rate) => rate.capacity);
    this.updated = nowMs;
  }

  private refill(nowMs: number): void {
    const elapsed = Math.max(0, nowMs - this.updated) / 1000;
    this.updated = Math.max(this.updated, nowMs);
    this.rates.forEach((rate, index) => {
      this.tokens[index] = Math.min(rate.capacity, this.tokens[index]! + elapsed * rate.perSecond);
    });
  }

  /** Milliseconds until a send fits every rate (0 when it fits now). */
  waitMs(nowMs: number): number {
    this.refill(nowMs);
    let wait = 0;
    this.rates.forEach((rate, index) => {
      const missing = 1 - this.tokens[index]!;
      if (missing > 1e-9) wait = Math.max(wait, Math.ceil((missing / rate.perSecond) * 1000));
    });
    return wait;
  }

  /** Takes a token from every rate; false (and nothing taken) when one is empty. */
  take(nowMs: number): boolean {
    if (this.waitMs(nowMs) > 0) return false;
    this.rates.forEach((_, index) => {
      this.tokens[index] = this.tokens[index]! - 1;
    });
    return true;
  }

  /** True when every bucket is full again: the limiter may be forgotten. */
  idle(nowMs: number): boolean {
    this.refill(nowMs);
    return this.rates.every((rate, index) => this.tokens[index]! >= rate.capacity);
  }
}
