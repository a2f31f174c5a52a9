import NodeCache from 'node-cache';
import type { Clock } from './clock.ts';

export interface RateLimitOptions {
  /** Requests allowed per user within one window. */
  limit: number;
  windowMs: number;
  clock: Clock;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  /** Counts one request by `key` and says whether it may go ahead. */
  take(key: string): RateDecision;
  close(): void;
}

/**
 * A per-user fixed-window limiter for expensive (`slow`) commands, shared by the chat
 * platforms. Decisions use the injected clock; node-cache only forgets idle users, so memory
 * stays bounded however many people write to the bot.
 */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const windows = new NodeCache({
    stdTTL: Math.ceil(options.windowMs / 1000) + 1,
    checkperiod: 120,
    useClones: false,
  });
  return {
    take(key) {
      const now = options.clock.now().getTime();
      const current = windows.get<{ start: number; count: number }>(key);
      if (!current || now - current.start >= options.windowMs) {
        windows.set(key, { start: now, count: 1 });
        return { allowed: true };
      }
      if (current.count >= options.limit) {
        return { allowed: false, retryAfterMs: current.start + options.windowMs - now };
      }
      current.count += 1;
      return { allowed: true };
    },
    close: () => windows.close(),
  };
}
