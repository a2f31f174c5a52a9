import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/core/clock.ts';
import { createRateLimiter, type RateLimiter } from '../../src/core/rate-limit.ts';

let limiter: RateLimiter | undefined;
afterEach(() => limiter?.close());

function manualClock(start: string): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

describe('createRateLimiter', () => {
  it('allows the limit per window, then says how long to wait, per user', () => {
    const clock = manualClock('2023-10-01T00:00:00Z');
    limiter = createRateLimiter({ limit: 2, windowMs: 60_000, clock });
    expect(limiter.take('a')).toEqual({ allowed: true });
    clock.advance(10_000);
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 50_000 });
    expect(limiter.take('b')).toEqual({ allowed: true });
  });

  it('opens a new window once the old one has passed', () => {
    const clock = manualClock('2023-10-01T00:00:00Z');
    limiter = createRateLimiter({ limit: 1, windowMs: 1000, clock });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    clock.advance(1000);
    expect(limiter.take('a').allowed).toBe(true);
  });
});
