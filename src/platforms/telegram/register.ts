import type { Telegram } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { AnyCommand } from '../../core/command.ts';

/** Telegram's rule for a command name: Discord also allows `-`, Telegram does not. */
const TELEGRAM_NAME = /^[a-z0-9_]{1,32}$/;

/**
 * The command menu Telegram shows when users type `/`: every command of `commands/index.ts`
 * whose name Telegram accepts, with its description cut to Telegram's 256 characters.
 * Returns the names left out, so the caller can say so.
 */
export function telegramCommandMenu(commands: readonly AnyCommand[]): {
  menu: BotCommand[];
  skipped: string[];
} {
  const menu: BotCommand[] = [];
  const skipped: string[] = [];
  for (const command of commands) {
    if (TELEGRAM_NAME.test(command.name)) {
      menu.push({ command: command.name, description: command.description.slice(0, 256) });
    } else {
      skipped.push(command.name);
    }
  }
  return {
    menu: menu.slice(0, 100),
    skipped: [...skipped, ...menu.slice(100).map((m) => m.command)],
  };
}

/**
 * `sitrep register-commands` for Telegram: replaces the bot's command menu (`setMyCommands`) with
 * the current command list. Run once after adding commands, not on every start.
 */
export async function registerTelegramCommands(
  telegram: Telegram,
  commands: readonly AnyCommand[],
): Promise<{ registered: string[]; skipped: string[] }> {
  const { menu, skipped } = telegramCommandMenu(commands);
  await telegram.setMyCommands(menu);
  return { registered: menu.map((entry) => entry.command), skipped };
}
