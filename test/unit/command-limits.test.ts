import { describe, expect, it } from 'vitest';
import { withCommandLimits } from '../../src/core/command-limits.ts';
import type { Dispatch } from '../../src/core/dispatch.ts';
import { ErrorId } from '../../src/core/errors.ts';
import type { Invocation } from '../../src/core/invocation.ts';
import { noticeReply } from '../../src/core/reply.ts';
import { manualClock } from '../fakes/manual-clock.ts';

function recordingDispatch(): Dispatch & { runs: Invocation[] } {
  const runs: Invocation[] = [];
  const dispatch = async (invocation: Invocation) => {
    runs.push(invocation);
    return { reply: noticeReply('info', 'ok'), data: null, outcome: 'ok' as const, ms: 0 };
  };
  return Object.assign(dispatch, { runs });
}

const ask = (platform: Invocation['platform'], user: string, channel: string): Invocation => ({
  id: `${user}-${channel}`,
  command: 'briefing',
  args: { topic: 'kosovo' },
  platform,
  invoker: { id: user, name: user, isManager: false },
  channel: { id: channel, kind: 'group' },
});

describe('command limits', () => {
  it('refuses a user over the per-minute limit without running the command, until the minute ends', async () => {
    const clock = manualClock();
    const inner = recordingDispatch();
    const dispatch = withCommandLimits(inner, { userPerMinute: 3, channelPerMinute: 100 }, clock);
    const outcomes = [];
    for (let n = 0; n < 5; n++)
      outcomes.push((await dispatch(ask('telegram', 'u1', 'c1'))).errorId);
    expect(outcomes).toEqual([
      undefined,
      undefined,
      undefined,
      ErrorId.RateLimited,
      ErrorId.RateLimited,
    ]);
    expect(inner.runs).toHaveLength(3);
    // Another user in the same channel is not held back by the first.
    expect((await dispatch(ask('telegram', 'u2', 'c1'))).outcome).toBe('ok');
    clock.advance(60_000);
    expect((await dispatch(ask('telegram', 'u1', 'c1'))).outcome).toBe('ok');
    dispatch.close();
  });

  it('limits a channel however many people type in it, and tells how long to wait', async () => {
    const clock = manualClock();
    const dispatch = withCommandLimits(
      recordingDispatch(),
      { userPerMinute: 100, channelPerMinute: 4 },
      clock,
    );
    for (let n = 0; n < 4; n++) await dispatch(ask('discord', `user-${n}`, 'busy'));
    clock.advance(15_000);
    const refused = await dispatch(ask('discord', 'user-9', 'busy'));
    expect(refused.errorId).toBe(ErrorId.RateLimited);
    expect(refused.errorDetails).toEqual({ retryAfterMs: 45_000 });
    expect((await dispatch(ask('discord', 'user-9', 'quiet'))).outcome).toBe('ok');
    dispatch.close();
  });

  it('leaves the console (the operator at the terminal) unlimited', async () => {
    const inner = recordingDispatch();
    const dispatch = withCommandLimits(
      inner,
      { userPerMinute: 1, channelPerMinute: 1 },
      manualClock(),
    );
    for (let n = 0; n < 10; n++) await dispatch(ask('console', 'me', 'console'));
    expect(inner.runs).toHaveLength(10);
    dispatch.close();
  });
});
