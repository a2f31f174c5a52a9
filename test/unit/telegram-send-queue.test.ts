import { describe, expect, it } from 'vitest';
import {
  createPacingState,
  createSendQueue,
  reserveSlot,
} from '../../src/platforms/telegram/send-queue.ts';
import { autoAdvanceTimer, steppedTimer } from '../fakes/virtual-timer.ts';

describe('reserveSlot', () => {
  it('spaces messages to one chat by a second', () => {
    const state = createPacingState();
    const slots = [0, 0, 0].map(() => reserveSlot(state, '7', 0));
    expect(slots).toEqual([0, 1000, 2000]);
  });

  it('lets different private chats send at once', () => {
    const state = createPacingState();
    expect(['1', '2', '3'].map((chat) => reserveSlot(state, chat, 500))).toEqual([500, 500, 500]);
  });

  it('allows at most 20 messages a minute in a group', () => {
    const state = createPacingState();
    const slots = Array.from({ length: 21 }, () => reserveSlot(state, '-100', 0));
    expect(slots[19]).toBe(19_000);
    // The 21st waits until the first send leaves the minute window.
    expect(slots[20]).toBe(60_000);
  });

  it('allows at most 30 messages a second overall', () => {
    const state = createPacingState();
    const slots = Array.from({ length: 31 }, (_, index) =>
      reserveSlot(state, String(index + 1), 0),
    );
    expect(slots.slice(0, 30).every((slot) => slot === 0)).toBe(true);
    expect(slots[30]).toBe(1000);
  });

  it('holds a chat back until its retry_after has passed', () => {
    const state = createPacingState();
    state.blockedUntil.set('5', 3000);
    expect(reserveSlot(state, '5', 100)).toBe(3000);
    expect(reserveSlot(state, '6', 100)).toBe(100);
  });
});

class RateLimited extends Error {
  constructor(readonly seconds: number) {
    super('429');
  }
}
const retryAfterMs = (error: unknown) =>
  error instanceof RateLimited ? error.seconds * 1000 : undefined;

describe('createSendQueue', () => {
  it('sends concurrent messages to one chat in order, a second apart', async () => {
    const timer = steppedTimer();
    const queue = createSendQueue({ timer, retryAfterMs });
    const sent: { text: string; at: number }[] = [];
    const all = Promise.all(
      ['a', 'b', 'c'].map((text) =>
        queue.send('9', async () => {
          sent.push({ text, at: timer.now() });
          return text;
        }),
      ),
    );
    await timer.runAll();
    expect(await all).toEqual(['a', 'b', 'c']);
    expect(sent).toEqual([
      { text: 'a', at: 0 },
      { text: 'b', at: 1000 },
      { text: 'c', at: 2000 },
    ]);
  });

  it('resends once after a 429, no sooner than retry_after', async () => {
    const timer = autoAdvanceTimer(10_000);
    const queue = createSendQueue({ timer, retryAfterMs });
    const attempts: number[] = [];
    const result = await queue.send('9', async () => {
      attempts.push(timer.now());
      if (attempts.length === 1) throw new RateLimited(3);
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(3000);
  });

  it('passes other errors on without resending, and keeps the chat usable', async () => {
    const timer = autoAdvanceTimer();
    const queue = createSendQueue({ timer, retryAfterMs });
    let calls = 0;
    await expect(
      queue.send('9', async () => {
        calls++;
        throw new Error('chat not found');
      }),
    ).rejects.toThrow('chat not found');
    expect(calls).toBe(1);
    await expect(queue.send('9', async () => 'next')).resolves.toBe('next');
  });

  it('gives up after its retries when 429s keep coming', async () => {
    const timer = autoAdvanceTimer();
    const queue = createSendQueue({ timer, retryAfterMs, maxRetries: 1 });
    let calls = 0;
    await expect(
      queue.send('9', async () => {
        calls++;
        throw new RateLimited(1);
      }),
    ).rejects.toBeInstanceOf(RateLimited);
    expect(calls).toBe(2);
  });
});
