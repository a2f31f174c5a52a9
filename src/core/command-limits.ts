import type { Clock } from './clock.ts';
import type { Dispatch, DispatchResult } from './dispatch.ts';
import { ErrorId } from './errors.ts';
import type { Invocation } from './invocation.ts';
import { createRateLimiter, type RateDecision } from './rate-limit.ts';
import { noticeReply } from './reply.ts';

export interface CommandLimits {
  /** Commands one person may run per minute, on one platform. */
  userPerMinute: number;
  /** Commands one channel (or group, or DM) may run per minute, whoever types them. */
  channelPerMinute: number;
}

const MINUTE_MS = 60_000;

function refusal(decision: RateDecision & { allowed: false }, scope: string): DispatchResult {
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return {
    reply: noticeReply('warning', `Too many commands ${scope}; try again in ${seconds} s.`, true),
    data: null,
    outcome: 'user-error',
    errorId: ErrorId.RateLimited,
    errorDetails: { retryAfterMs: decision.retryAfterMs },
    ms: 0,
  };
}

/**
 * Wraps the dispatch every chat platform calls with per-user and per-channel limits, so one
 * person (or one busy group) cannot keep the bot's analysis busy for everyone. A refused command
 * never runs and is answered with `ErrorId.RateLimited`. The console, whose only user is the
 * operator at the terminal, is exempt.
 */
export function withCommandLimits(
  dispatch: Dispatch,
  limits: CommandLimits,
  clock: Clock,
): Dispatch & { close(): void } {
  const users = createRateLimiter({ limit: limits.userPerMinute, windowMs: MINUTE_MS, clock });
  const channels = createRateLimiter({
    limit: limits.channelPerMinute,
    windowMs: MINUTE_MS,
    clock,
  });
  const limited = async (invocation: Invocation): Promise<DispatchResult> => {
    if (invocation.platform === 'console') return dispatch(invocation);
    const user = users.take(`${invocation.platform}:${invocation.invoker.id}`);
    if (!user.allowed) return refusal(user, 'from you');
    const channel = channels.take(`${invocation.platform}:${invocation.channel.id}`);
    if (!channel.allowed) return refusal(channel, 'in this channel');
    return dispatch(invocation);
  };
  return Object.assign(limited, {
    close() {
      users.close();
      channels.close();
    },
  });
}
