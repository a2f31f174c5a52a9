import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { REDACTED_PATHS } from '../../src/core/logger.ts';

const SECRET = 'MTA5-very-secret-token-value';

describe('secrets', () => {
  it('names the bad variable in a config error, never its value', () => {
    let message = '';
    try {
      loadConfig({ LOG_LEVEL: SECRET });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('LOG_LEVEL');
    expect(message).not.toContain(SECRET);
  });

  it('redacts token-bearing fields wherever a log line carries them', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
    logger.info(
      {
        token: SECRET,
        config: { token: SECRET, apiKey: SECRET },
        headers: { authorization: `Bot ${SECRET}` },
      },
      'x',
    );
    expect(lines.join('')).not.toContain(SECRET);
    expect(lines.join('')).toContain('[redacted]');
  });
});
