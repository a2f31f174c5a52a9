import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { loggableError } from '../../src/platforms/discord/adapter.ts';

describe('loggableError', () => {
  it('keeps code, status and message of a REST error but not its URL with the token', () => {
    const error = new DiscordAPIError(
      { code: 10062, message: 'Unknown interaction' },
      10062,
      404,
      'POST',
      'https://discord.com/api/v10/interactions/1/secret-interaction-token/callback',
      {},
    );
    const logged = loggableError(error);
    expect(logged).toMatchObject({ code: 10062, status: 404, message: 'Unknown interaction' });
    expect(JSON.stringify(logged)).not.toContain('secret-interaction-token');
  });

  it('passes other errors through', () => {
    const error = new Error('boom');
    expect(loggableError(error)).toBe(error);
  });
});
