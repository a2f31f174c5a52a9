import { parseArgs } from 'node:util';
import { commands } from '../../commands/index.ts';
import { registerDiscordCommands } from '../platforms/discord/register.ts';
import { registerTelegramFromConfig } from '../platforms/telegram/start.ts';
import { plural } from '../core/plural.ts';
import { UsageError, type CliContext, type Subcommand } from './io.ts';

/** Uploads the command list to each configured platform (never done at start-up). */
async function registerCommands(argv: string[], { io, config: readConfig }: CliContext) {
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

export const registerCommandsCommand: Subcommand = {
  name: 'register-commands',
  synopsis: '[--guild ID]',
  summary: 'Publish the command list: Discord slash commands, and the Telegram command menu.',
  details: `Run it once after installing and again after adding or changing a command; start-up never
does it (Discord allows 200 command creations a day per server). It needs DISCORD_TOKEN or
TELEGRAM_BOT_TOKEN, and does each platform whose token is set.

options:
  --guild ID   register the Discord commands in one server, where they appear at once
               (default DISCORD_GUILD_ID; without either, globally)

exit codes: 0 registered, 1 a platform refused, 2 usage or no token.`,
  run: registerCommands,
};
