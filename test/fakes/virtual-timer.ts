import type { Timer } from '../../src/platforms/telegram/send-queue.ts';

export interface VirtualTimer extends Timer {
  /** Every wait asked for, in order. */
  sleeps: number[];
}

/**
 * A timer whose sleeps return at once and move virtual time forward by the amount asked for.
 * Exact for one chain of sends at a time (one chat answered at a time), and no test ever waits
 * on the wall clock.
 */
export function autoAdvanceTimer(start = 0): VirtualTimer {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep(ms) {
      sleeps.push(ms);
      now += Math.max(0, ms);
      return Promise.resolve();
    },
  };
}

/**
 * A discrete-event timer for concurrent senders: sleeps wait until `runAll` moves virtual time
 * to them, earliest first, letting pending promise work settle between steps.
 */
export function steppedTimer(start = 0): VirtualTimer & { runAll(): Promise<void> } {
  let now = start;
  const sleeps: number[] = [];
  const pending: { at: number; seq: number; resolve: () => void }[] = [];
  let seq = 0;
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    sleeps,
    now: () => now,
    sleep(ms) {
      sleeps.push(ms);
      return new Promise<void>((resolve) => pending.push({ at: now + ms, seq: seq++, resolve }));
    },
    async runAll() {
      for (;;) {
        await settle();
        if (pending.length === 0) return;
        pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = pending.shift()!;
        now = Math.max(now, next.at);
        next.resolve();
      }
    },
  };
}
