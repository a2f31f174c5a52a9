import telegramTestApi from 'telegram-test-api';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { createApp, type App } from '../../src/main.ts';
import { createTelegramBot, type TelegramBot } from '../../src/platforms/telegram/bot.ts';
import { MESSAGE_LIMIT } from '../../src/platforms/telegram/render.ts';
import { autoAdvanceTimer } from '../fakes/virtual-timer.ts';
import { hostileArticle, kosovoArticles, TELEGRAM_NOW } from '../fixtures/telegram-articles.ts';
import { checkTelegramHtml } from '../helpers/telegram-html.ts';

// The package's typings declare a default export, but at run time `module.exports` is the class
// itself; take whichever of the two this loader hands us.
type ServerClass = typeof telegramTestApi.default;
const loaded = telegramTestApi as unknown as ServerClass & { default?: ServerClass };
const TelegramServer: ServerClass = loaded.default ?? loaded;
type TelegramServer = InstanceType<ServerClass>;

// telegram-test-api turns port 0 into 9000, so this file owns a fixed port of its own. The
// emulator runs once for the file (restarting it on the same port races with kept-alive
// sockets); each test talks to it as a different bot, so their messages never mix.
const PORT = 9317;
let testNumber = 0;
let token = '';

let server: TelegramServer;
let app: App;
let telegram: TelegramBot;

beforeAll(async () => {
  server = new TelegramServer({ port: PORT, host: '127.0.0.1', storeTimeout: 60 });
  await server.start();
});

afterAll(async () => {
  await server.stop();
});

beforeEach(async () => {
  token = `${7000 + ++testNumber}:EMULATOR`;
  app = createApp({ db: ':memory:', clock: fixedClock(TELEGRAM_NOW) });
  app.ingester.ingestArticles([...kosovoArticles, hostileArticle]);
  telegram = createTelegramBot({
    token,
    apiRoot: server.config.apiURL,
    dispatch: app.dispatch,
    services: app.services,
    logger: silentLogger,
    timer: autoAdvanceTimer(),
  });
  await telegram.start();
});

afterEach(async () => {
  await telegram.stop();
  app.close();
});

/** What the bot has sent so far, as the emulator stored it. */
const botMessages = () =>
  server.storage.botMessages
    .filter((update) => update.botToken === token)
    .map(
      (update) =>
        update.message as {
          text: string;
          parse_mode?: string;
          reply_markup?: unknown;
          message_id?: number;
        },
    );

describe('Telegram bot polling telegram-test-api', () => {
  it('GIVEN /briefing kosovo THEN the user reads back valid HTML within the limits', async () => {
    const client = server.getClient(token, { timeout: 5000 });
    await client.sendCommand(client.makeCommand('/briefing kosovo'));
    // Summary first, then the sources page (8 sources make two pages) under its keyboard.
    await vi.waitFor(() => expect(botMessages()).toHaveLength(2), {
      timeout: 10_000,
      interval: 20,
    });
    const [summary, sources] = botMessages();
    for (const message of [summary!, sources!]) {
      expect(message.parse_mode).toBe('HTML');
      const check = checkTelegramHtml(message.text);
      expect(check.errors).toEqual([]);
      expect(check.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    }
    expect(checkTelegramHtml(summary!.text).text).toContain('Leaflets read <script>');
    expect(checkTelegramHtml(sources!.text).text).toContain('Sources');
    expect(sources!.reply_markup).toMatchObject({
      inline_keyboard: [[{ text: '1/2' }, { text: '▶' }], [{ text: 'All sources' }]],
    });
  });

  it('GIVEN a press on ▶ under /who THEN the emulator sees the message edited to page 2', async () => {
    const client = server.getClient(token, { timeout: 5000 });
    await client.sendCommand(client.makeCommand('/who kirby'));
    await vi.waitFor(() => expect(botMessages()).toHaveLength(1), {
      timeout: 10_000,
      interval: 20,
    });
    const stored = server.storage.botMessages.find((update) => update.botToken === token)!;
    const keyboard = stored.message.reply_markup as {
      inline_keyboard: { callback_data: string }[][];
    };
    const next = keyboard.inline_keyboard[0]!.at(-1)!.callback_data;
    const edited = server.waitBotEdits();
    await client.sendCallback(
      client.makeCallbackQuery(next, { message: { message_id: stored.messageId } }),
    );
    await edited;
    const page2 = checkTelegramHtml(botMessages()[0]!.text);
    expect(page2.errors).toEqual([]);
    expect(page2.text).toContain('statement number 1');
  });
});
