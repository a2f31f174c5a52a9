import { Telegram } from 'telegraf';
import type { Config } from '../../config.ts';
import type { AnyCommand } from '../../core/command.ts';
import type { Logger } from '../../core/logger.ts';
import type { App } from '../../main.ts';
import { createTelegramBot, type TelegramBot } from './bot.ts';
import { registerTelegramCommands } from './register.ts';

/** Starts the Telegram platform from configuration (`sitrep start` when a token is set). */
export async function startTelegram(
  config: Config,
  app: App,
  logger: Logger,
): Promise<TelegramBot> {
  if (!config.TELEGRAM_BOT_TOKEN) throw new Error('TELEGRAM_BOT_TOKEN is not set');
  const telegram = createTelegramBot({
    token: config.TELEGRAM_BOT_TOKEN,
    ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
    ...(config.TELEGRAM_WEBHOOK_URL
      ? {
          webhook: {
            url: config.TELEGRAM_WEBHOOK_URL,
            port: config.TELEGRAM_WEBHOOK_PORT,
            ...(config.TELEGRAM_WEBHOOK_SECRET ? { secret: config.TELEGRAM_WEBHOOK_SECRET } : {}),
          },
        }
      : {}),
    dispatch: app.dispatch,
    services: app.services,
    logger,
  });
  await telegram.start();
  return telegram;
}

/** `sitrep register-commands` for Telegram, from configuration. */
export async function registerTelegramFromConfig(
  config: Config,
  commands: readonly AnyCommand[],
): Promise<{ registered: string[]; skipped: string[] }> {
  if (!config.TELEGRAM_BOT_TOKEN) throw new Error('TELEGRAM_BOT_TOKEN is not set');
  const telegram = new Telegram(
    config.TELEGRAM_BOT_TOKEN,
    config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {},
  );
  return registerTelegramCommands(telegram, commands);
}
