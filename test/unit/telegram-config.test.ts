import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('Telegram configuration', () => {
  it('defaults to long polling on the public API, with the webhook port preset', () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc' });
    expect(config.TELEGRAM_WEBHOOK_URL).toBeUndefined();
    expect(config.TELEGRAM_API_ROOT).toBeUndefined();
    expect(config.TELEGRAM_WEBHOOK_PORT).toBe(8080);
  });

  it('reads webhook settings and an API root', () => {
    const config = loadConfig({
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9000',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg',
      TELEGRAM_WEBHOOK_SECRET: 's3cret_-x',
      TELEGRAM_WEBHOOK_PORT: '8443',
    });
    expect(config.TELEGRAM_WEBHOOK_PORT).toBe(8443);
    expect(config.TELEGRAM_API_ROOT).toBe('http://127.0.0.1:9000');
  });

  it('refuses a plain-http webhook and a secret Telegram would reject, naming the variable only', () => {
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_URL: 'http://bot.example.org/tg' })).toThrow(
      /TELEGRAM_WEBHOOK_URL/,
    );
    const bad = () => loadConfig({ TELEGRAM_WEBHOOK_SECRET: 'has spaces!' });
    expect(bad).toThrow(ConfigError);
    expect(bad).not.toThrow(/has spaces/);
  });
});
