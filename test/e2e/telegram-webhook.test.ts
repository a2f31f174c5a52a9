import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { createApp, type App } from '../../src/main.ts';
import { createTelegramBot, type TelegramBot } from '../../src/platforms/telegram/bot.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/telegram-bot-api.ts';
import { autoAdvanceTimer } from '../fakes/virtual-timer.ts';
import { TELEGRAM_NOW } from '../fixtures/telegram-articles.ts';
import { textUpdate } from '../helpers/telegram-harness.ts';

// The bot's own update server listens on this fixed loopback port.
const PORT = 9318;
const SECRET = 'test_secret-123';

let api: FakeBotApi;
let app: App;
let telegram: TelegramBot;

beforeEach(async () => {
  api = await startFakeBotApi();
  app = createApp({ db: ':memory:', clock: fixedClock(TELEGRAM_NOW) });
  telegram = createTelegramBot({
    token: '555:WEBHOOK',
    apiRoot: api.apiRoot,
    webhook: {
      url: 'https://bot.example.org/telegram/hook',
      secret: SECRET,
      port: PORT,
      host: '127.0.0.1',
    },
    dispatch: app.dispatch,
    services: app.services,
    logger: silentLogger,
    timer: autoAdvanceTimer(),
  });
  await telegram.start();
});

afterEach(async () => {
  await telegram.stop();
  await api.close();
  app.close();
});

const post = (body: unknown, secret?: string) =>
  fetch(`http://127.0.0.1:${PORT}/telegram/hook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
    },
    body: JSON.stringify(body),
  });

describe('Telegram webhook mode', () => {
  it('registers the webhook with its secret and only the update types it reads', () => {
    const [call] = api.callsTo('setWebhook');
    expect(call?.body).toMatchObject({
      url: 'https://bot.example.org/telegram/hook',
      secret_token: SECRET,
      allowed_updates: ['message', 'callback_query'],
    });
  });

  it('answers an update that carries the secret token', async () => {
    const response = await post(textUpdate('/help'), SECRET);
    expect(response.status).toBe(200);
    expect(String(api.callsTo('sendMessage')[0]?.body.text)).toContain('sitrep commands');
  });

  it('refuses updates without the right secret token, and runs none of them', async () => {
    expect((await post(textUpdate('/help'))).status).toBe(403);
    expect((await post(textUpdate('/help'), 'wrong')).status).toBe(403);
    expect(api.callsTo('sendMessage')).toHaveLength(0);
  });
});
