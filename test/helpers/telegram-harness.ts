import type { Update } from 'telegraf/types';
import { fixedClock } from '../../src/core/clock.ts';
import { defineCommand, type AnyCommand } from '../../src/core/command.ts';
import { createDispatch } from '../../src/core/dispatch.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { Services } from '../../src/core/services.ts';
import { createApp, type App } from '../../src/main.ts';
import { createTelegramBot, type TelegramBot } from '../../src/platforms/telegram/bot.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/telegram-bot-api.ts';
import { autoAdvanceTimer, type VirtualTimer } from '../fakes/virtual-timer.ts';
import { hostileArticle, kosovoArticles, TELEGRAM_NOW } from '../fixtures/telegram-articles.ts';

export const BOT_USERNAME = 'sitrep_test_bot';

/**
 * A test-only stand-in for the alerts branch's `/subscribe`: a manager-only, group-only command
 * that reports where it would subscribe, so the adapter's permission and channel handling can be
 * proved without the real subscriptions store.
 */
export const fakeSubscribe = defineCommand({
  name: 'subscribe',
  description: 'Test: subscribe this chat to a topic',
  permission: 'manager',
  guildOnly: true,
  options: { topic: { type: 'string', description: 'Topic', required: true, maxLength: 50 } },
  run(args, { invocation }) {
    const where = `${invocation.channel.kind} ${invocation.channel.id}${invocation.channel.threadId ? ` topic ${invocation.channel.threadId}` : ''}`;
    return {
      reply: {
        blocks: [{ type: 'notice', level: 'info', text: `Subscribed ${where} to ${args.topic}` }],
      },
      data: null,
    };
  },
});

/** A test-only command whose answer is 10,000 characters of escaped-looking article text. */
export const fakeLongread = defineCommand({
  name: 'longread',
  description: 'Test: a very long answer',
  options: {},
  run() {
    const paragraphs = Array.from({ length: 40 }, (_, index) =>
      `Paragraph ${index}: Kosovo <police> & KFOR *patrols* `.padEnd(250, 'text '),
    );
    return {
      reply: { blocks: paragraphs.map((text) => ({ type: 'text' as const, text })) },
      data: { paragraphs },
    };
  },
});

export interface Harness {
  app: App;
  services: Services;
  api: FakeBotApi;
  telegram: TelegramBot;
  timer: VirtualTimer;
  /** Feeds one update to the bot and waits until it has been answered. */
  handle(update: Update): Promise<void>;
  close(): Promise<void>;
}

/** The bot against the recording fake, on the fixture corpus, with virtual pacing time. */
export async function startHarness(extra: readonly AnyCommand[] = []): Promise<Harness> {
  const app = createApp({ db: ':memory:', clock: fixedClock(TELEGRAM_NOW) });
  app.ingester.ingestArticles([...kosovoArticles, hostileArticle]);
  const services: Services = { ...app.services, commands: [...app.services.commands, ...extra] };
  const timer = autoAdvanceTimer(1_000_000);
  const api = await startFakeBotApi({ now: () => timer.now() });
  const telegram = createTelegramBot({
    token: '123:TEST',
    apiRoot: api.apiRoot,
    dispatch: createDispatch(services),
    services,
    logger: silentLogger,
    timer,
  });
  telegram.bot.botInfo = {
    id: 42,
    is_bot: true,
    first_name: 'Sitrep',
    username: BOT_USERNAME,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };
  return {
    app,
    services,
    api,
    telegram,
    timer,
    handle: (update) => telegram.bot.handleUpdate(update),
    async close() {
      await telegram.stop();
      await api.close();
      app.close();
    },
  };
}

let updateId = 1;

export interface ChatSpec {
  chatId?: number;
  type?: 'private' | 'group' | 'supergroup';
  userId?: number;
  threadId?: number;
}

/** A text message update; commands get the `bot_command` entity Telegram adds. */
export function textUpdate(text: string, spec: ChatSpec = {}): Update {
  const type = spec.type ?? 'private';
  const userId = spec.userId ?? 1001;
  const chatId = spec.chatId ?? (type === 'private' ? userId : -100500);
  const command = /^\/\S+/.exec(text);
  const id = updateId++;
  return {
    update_id: id,
    message: {
      message_id: id,
      date: 1_696_161_600,
      text,
      from: { id: userId, is_bot: false, first_name: 'Ana', username: 'ana' },
      chat:
        type === 'private'
          ? { id: chatId, type, first_name: 'Ana' }
          : type === 'group'
            ? { id: chatId, type, title: 'Newsroom' }
            : { id: chatId, type, title: 'Newsroom', is_forum: spec.threadId !== undefined },
      ...(command
        ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] }
        : {}),
      ...(spec.threadId !== undefined
        ? { message_thread_id: spec.threadId, is_topic_message: true }
        : {}),
    },
  } as Update;
}

/** A button press on one of the bot's messages. */
export function callbackUpdate(data: string, messageId: number, spec: ChatSpec = {}): Update {
  const userId = spec.userId ?? 1001;
  const chatId = spec.chatId ?? userId;
  const id = updateId++;
  return {
    update_id: id,
    callback_query: {
      id: `cb${id}`,
      chat_instance: 'ci',
      data,
      from: { id: userId, is_bot: false, first_name: 'Ana' },
      message: {
        message_id: messageId,
        date: 1_696_161_600,
        chat: { id: chatId, type: 'private', first_name: 'Ana' },
        text: 'previous page',
      },
    },
  } as Update;
}
