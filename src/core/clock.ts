/** Time is injected so that tests and `sitrep ask --now` never depend on the wall clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stuck at one instant (tests, `--now`). */
export function fixedClock(at: Date | string): Clock {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not a date: ${String(at)}`);
  return { now: () => new Date(instant) };
}
