import { parseArgs } from 'node:util';
import { commands } from '../../commands/index.ts';
import { registerDiscordCommands } from '../platforms/discord/register.ts';
import { registerTelegramFromConfig } from '../platforms/telegram/start.ts';
import { plural } from '../core/plural.ts';
import { UsageError, type CliContext } from './io.ts';

/** Uploads the command list to each configured platform (never done at start-up). */
export async function registerCommands(argv: string[], { io, config: readConfig }: CliContext) {
  const { values } = parseArgs({ args: argv, options: { guild: { type: 'string' } } });
  const config = readConfig();
  if (!config.DISCORD_TOKEN && !config.TELEGRAM_BOT_TOKEN) {
    throw new UsageError(
      'register-commands needs a platform token (DISCORD_TOKEN or TELEGRAM_BOT_TOKEN)',
    );
  }
  let failed = false;
  if (config.DISCORD_TOKEN) {
    const result = await registerDiscordCommands({
      token: config.DISCORD_TOKEN,
      commands,
      applicationId: config.DISCORD_APPLICATION_ID,
      guildId: values.guild ?? config.DISCORD_GUILD_ID,
      apiBase: config.DISCORD_API_BASE,
    }).catch((error: unknown) => {
      io.stderr.write(`sitrep: Discord registration failed: ${(error as Error).message}\n`);
      return null;
    });
    if (result) {
      io.stdout.write(
        `Discord: ${plural(result.names.length, 'command')} registered ${result.scope === 'guild' ? 'in the server' : 'globally'}: ${result.names.map((name) => `/${name}`).join(' ')}\n`,
      );
    } else {
      failed = true;
    }
  }
  if (config.TELEGRAM_BOT_TOKEN) {
    const telegram = await registerTelegramFromConfig(config, commands);
    io.stdout.write(
      `telegram: registered ${telegram.registered.map((name) => `/${name}`).join(' ')}\n`,
    );
    if (telegram.skipped.length > 0) {
      io.stdout.write(`telegram: skipped (name not allowed) ${telegram.skipped.join(' ')}\n`);
    }
  }
  return failed ? 1 : 0;
}
