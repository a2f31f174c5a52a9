import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { toDeliveryError } from '../../src/platforms/discord/notifier.ts';

const apiError = (code: number, status: number, message: string) =>
  new DiscordAPIError({ code, message }, code, status, 'POST', '/channels/1/messages', {});

describe('toDeliveryError', () => {
  it('maps Missing Access and Missing Permissions to forbidden, with the reason', () => {
    for (const error of [
      apiError(50001, 403, 'Missing Access'),
      apiError(50013, 403, 'Missing Permissions'),
    ]) {
      const failure = toDeliveryError(error);
      expect(failure.kind).toBe('forbidden');
      expect(failure.message).toContain(error.message);
    }
  });

  it('maps an unknown channel to gone', () => {
    expect(toDeliveryError(apiError(10003, 404, 'Unknown Channel')).kind).toBe('gone');
  });

  it('maps rate limits to rate-limited with the wait', () => {
    const limited = new RateLimitError({
      global: false,
      method: 'POST',
      url: '/channels/1/messages',
      route: '/channels/:id/messages',
      majorParameter: '1',
      hash: 'h',
      limit: 5,
      timeToReset: 1500,
      retryAfter: 1500,
      sublimitTimeout: 0,
      scope: 'user',
    });
    expect(toDeliveryError(limited)).toMatchObject({ kind: 'rate-limited', retryAfterMs: 1500 });
  });

  it('maps server errors and anything else to transient', () => {
    expect(toDeliveryError(apiError(0, 500, 'Internal Server Error')).kind).toBe('transient');
    const http = new HTTPError(502, 'Bad Gateway', 'POST', '/channels/1/messages', {});
    expect(toDeliveryError(http).kind).toBe('transient');
    expect(toDeliveryError(new Error('socket hang up')).kind).toBe('transient');
  });
});
