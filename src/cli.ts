import { config as loadDotenv } from 'dotenv';
import { helpOf, UsageError, type CliIo } from './cli/io.ts';
import { subcommands } from './cli/subcommands.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';

export { subcommands };

const USAGE = [
  'usage:',
  ...subcommands.map(
    (subcommand) =>
      `  sitrep ${subcommand.name} ${subcommand.synopsis}\n      ${subcommand.summary}`,
  ),
  '',
  'sitrep <command> --help tells more about one. Exit codes: 0 ok, 1 failed, 2 usage.',
].join('\n');

/** `--help` or `-h` among a subcommand's arguments (before a `--`, after which all is text). */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** The `sitrep` command. Returns the process exit code. */
export async function main(argv: string[], io: CliIo = process): Promise<number> {
  loadDotenv({ quiet: true });
  const [verb, ...rest] = argv;
  const subcommand = subcommands.find((candidate) => candidate.name === verb);
  let config: Config | undefined;
  try {
    if (!subcommand) {
      const about = verb === 'help' ? subcommands.find((one) => one.name === rest[0]) : undefined;
      if (about) {
        io.stdout.write(helpOf(about));
        return 0;
      }
      if (verb === undefined || verb === 'help' || verb === '--help' || verb === '-h') {
        io.stdout.write(`${USAGE}\n`);
        return verb === undefined ? 2 : 0;
      }
      throw new UsageError(`unknown command "${verb}"`);
    }
    if (asksForHelp(rest)) {
      io.stdout.write(helpOf(subcommand));
      return 0;
    }
    return await subcommand.run(rest, {
      io,
      config: () => (config ??= loadConfig(process.env)),
    });
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      const usage = subcommand
        ? `usage: sitrep ${subcommand.name} ${subcommand.synopsis}\n(sitrep ${subcommand.name} --help tells more)`
        : USAGE;
      io.stderr.write(`sitrep: ${(error as Error).message}\n${usage}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`sitrep: ${error.message}\n`);
      return 2;
    }
    // A platform that cannot be reached, a disk that is full: one readable line, no stack,
    // and never a secret, whatever the error's own text holds.
    io.stderr.write(
      `sitrep: stopped: ${withoutSecrets(String((error as Error)?.message ?? error))}\n`,
    );
    return 1;
  }
}

/** Replaces every configured secret's value in a text with `[redacted]`. */
function withoutSecrets(text: string): string {
  const secrets = [
    'DISCORD_TOKEN',
    'TELEGRAM_BOT_TOKEN',
    'TELEGRAM_WEBHOOK_SECRET',
    'OPENAI_API_KEY',
  ]
    .map((name) => process.env[name])
    .filter((value): value is string => Boolean(value && value.length >= 6));
  return secrets.reduce((result, secret) => result.split(secret).join('[redacted]'), text);
}
