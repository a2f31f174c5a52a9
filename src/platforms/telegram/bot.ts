import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Telegraf } from 'telegraf';
import type { Notifier } from '../../alerts/notifier.ts';
import type { Dispatch } from '../../core/dispatch.ts';
import type { Logger } from '../../core/logger.ts';
import { createRateLimiter, type RateLimiter } from '../../core/rate-limit.ts';
import type { Services } from '../../core/services.ts';
import { attachTelegramHandlers } from './adapter.ts';
import { AnswerCache } from './answer-cache.ts';
import { ButtonCodec } from './keyboards.ts';
import { createTelegramNotifier } from './notifier.ts';
import { createSendQueue, type SendQueue, type Timer } from './send-queue.ts';
import { retryAfterMs } from './telegram-errors.ts';

export interface TelegramWebhookOptions {
  /** Public https URL Telegram posts updates to; its path is the path served locally. */
  url: string;
  /** Expected `X-Telegram-Bot-Api-Secret-Token`; a random one is made when not given. */
  secret?: string;
  /** Local port the update server listens on (behind your TLS proxy). */
  port: number;
  host?: string;
}

export interface TelegramBotOptions {
  token: string;
  /** Bot API root, `https://api.telegram.org` by default; tests point it at a loopback fake. */
  apiRoot?: string;
  /** Webhook mode; long polling when absent. */
  webhook?: TelegramWebhookOptions;
  dispatch: Dispatch;
  services: Services;
  logger: Logger;
  /** Pacing clock for the send queue (tests pass a virtual one). */
  timer?: Timer;
  /** Slow commands a user may run per minute. */
  slowCommandsPerMinute?: number;
}

export interface TelegramBot {
  bot: Telegraf;
  queue: SendQueue;
  /** The alerts port for this bot, sharing its send queue. */
  notifier: Notifier;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The update types the handlers read; nothing else is fetched. */
const UPDATES = ['message', 'callback_query'] as const;

/**
 * Builds the Telegram platform: telegraf with a configurable API root, the handlers, one send
 * queue shared by answers and alerts, and a per-user limiter on slow commands. `start` uses long
 * polling, or a webhook server that checks Telegram's secret-token header when `webhook` is set.
 */
export function createTelegramBot(options: TelegramBotOptions): TelegramBot {
  const bot = new Telegraf(options.token, {
    telegram: {
      ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
      webhookReply: false,
    },
  });
  const queue = createSendQueue({
    retryAfterMs,
    ...(options.timer ? { timer: options.timer } : {}),
  });
  const codec = new ButtonCodec();
  const answers = new AnswerCache();
  const limiter: RateLimiter = createRateLimiter({
    limit: options.slowCommandsPerMinute ?? 6,
    windowMs: 60_000,
    clock: options.services.clock,
  });
  const logger = options.logger.child({ platform: 'telegram' });
  attachTelegramHandlers(bot, {
    dispatch: options.dispatch,
    services: options.services,
    queue,
    codec,
    answers,
    limiter,
    logger,
  });

  let server: Server | null = null;
  let polling = false;

  async function startWebhook(webhook: TelegramWebhookOptions): Promise<void> {
    const secret = webhook.secret ?? randomBytes(24).toString('base64url');
    const path = new URL(webhook.url).pathname;
    bot.botInfo ??= await bot.telegram.getMe();
    const callback = bot.webhookCallback(path, { secretToken: secret });
    const listening = createServer((request, response) => {
      void callback(request, response);
    });
    server = listening;
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(webhook.port, webhook.host ?? '0.0.0.0', () => resolve());
    });
    await bot.telegram.setWebhook(webhook.url, {
      secret_token: secret,
      allowed_updates: [...UPDATES],
    });
    logger.info({ port: webhook.port, path }, 'telegram webhook listening');
  }

  async function startPolling(): Promise<void> {
    // launch() only settles when polling ends, so wait for its onLaunch callback instead.
    await new Promise<void>((resolve, reject) => {
      bot
        .launch({ allowedUpdates: [...UPDATES] }, () => {
          polling = true;
          resolve();
        })
        .catch((error: unknown) => {
          if (!polling) reject(error instanceof Error ? error : new Error(String(error)));
          else logger.error({ err: error }, 'telegram polling stopped');
        });
    });
    logger.info({ bot: bot.botInfo?.username }, 'telegram polling');
  }

  return {
    bot,
    queue,
    notifier: createTelegramNotifier(bot.telegram, queue),
    start: () => (options.webhook ? startWebhook(options.webhook) : startPolling()),
    async stop() {
      if (polling) bot.stop('shutdown');
      polling = false;
      const open = server;
      server = null;
      if (open) await new Promise<void>((resolve) => open.close(() => resolve()));
      codec.close();
      answers.close();
      limiter.close();
    },
  };
}
