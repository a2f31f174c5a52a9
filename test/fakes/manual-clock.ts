import type { Clock } from '../../src/core/clock.ts';

/** A clock that moves only when the test says so. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(at: Date | string): void;
  ms(): number;
}

export function manualClock(start: string = '2023-09-30T12:00:00Z'): ManualClock {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    ms: () => at,
    advance: (ms) => {
      at += ms;
    },
    set: (value) => {
      at = new Date(value).getTime();
    },
  };
}
