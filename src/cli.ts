import { config as loadDotenv } from 'dotenv';
import { commands } from '../commands/index.ts';
import type { Notifier } from './alerts/notifier.ts';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { IngestReport } from './corpus/ingest.ts';
import { fixedClock, systemClock } from './core/clock.ts';
import { createLogger } from './core/logger.ts';
import { onShutdown } from './core/shutdown.ts';
import type { LiveOptions } from './live.ts';
import { createApp, type App, type AppOptions } from './main.ts';
import { startOpsServer } from './ops/http-server.ts';
import { runBackup } from './ops/backup-cli.ts';
import { runAnalyze } from './analysis/analyze-cli.ts';
import { answerLine, runConsole } from './platforms/console/repl.ts';
import { createConsoleNotifier } from './platforms/console/notifier.ts';
import { renderConsole } from './platforms/console/render.ts';
import { startDiscord } from './platforms/discord/client.ts';
import { registerDiscordCommands } from './platforms/discord/register.ts';
import { registerTelegramFromConfig, startTelegram } from './platforms/telegram/start.ts';
import { parseFeedsFile, type FeedConfig } from './sources/feeds-file.ts';
import { ingestSource } from './sources/ingest-source.ts';

const USAGE = `usage:
  sitrep start [--db FILE]                 run the bot (console mode when no platform token is set)
  sitrep register-commands [--guild ID]    publish the commands: Discord slash commands (one
                                           server with --guild, else global), Telegram menu
  sitrep ingest [--db FILE] <file|dir|feed file|http(s) URL>...
                                           add articles; prints added / duplicate / failed
  sitrep ask [--corpus DIR]... [--db FILE] [--json] [--now ISO] "<command line>"
                                           answer one command as a user would
  sitrep analyze [--plain] [--jsonl] [FILE...]
                                           print each article's analysis as one JSON line
  sitrep backup [--db FILE] BACKUP-FILE    copy the database while the bot runs`;

/** The model settings for `createApp`, when an OpenAI-compatible key is configured. */
function llmOptions(config: Config): Pick<AppOptions, 'llm'> {
  if (!config.OPENAI_API_KEY) return {};
  return {
    llm: {
      apiKey: config.OPENAI_API_KEY,
      model: config.OPENAI_MODEL,
      timeoutMs: config.SITREP_LLM_TIMEOUT_MS,
      maxConcurrent: config.SITREP_LLM_MAX_CONCURRENT,
      ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
    },
  };
}

/** `--json` output: image blocks are described (alt text, size), never dumped as bytes. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (
    value !== null &&
    typeof value === 'object' &&
    (value as { type?: unknown }).type === 'image' &&
    (value as { png?: unknown }).png instanceof Uint8Array
  ) {
    const image = value as { alt: string; png: Uint8Array };
    return { type: 'image', alt: image.alt, bytes: image.png.length };
  }
  return value;
}

/** Exit codes: 0 ok, 1 a user error (one line on stderr), 2 usage. */
class UsageError extends Error {}

function printReport(report: IngestReport, out: NodeJS.WritableStream): void {
  for (const article of report.added) out.write(`added      ${article.origin}  ${article.title}\n`);
  for (const duplicate of report.duplicates) {
    out.write(
      `duplicate  ${duplicate.origin}  ${duplicate.title} (${duplicate.reason}, of ${duplicate.duplicateOf})\n`,
    );
  }
  for (const failure of report.failed)
    out.write(`failed     ${failure.origin}  ${failure.reason}\n`);
  out.write(
    `${report.added.length} added, ${report.duplicates.length} duplicate, ${report.failed.length} failed\n`,
  );
}

/** Ingests the bundled sample corpus into an empty store; a stored corpus is never re-analysed. */
async function seedIfEmpty(app: App, config: Config): Promise<number> {
  if (app.store.count() > 0 || !existsSync(config.SITREP_SAMPLE_DIR)) return 0;
  const report = await app.ingester.ingestPaths([config.SITREP_SAMPLE_DIR]);
  return report.added.length;
}

/** The feeds file named by SITREP_FEEDS; a bad line stops start-up with its line number. */
function configuredFeeds(config: Config): FeedConfig[] {
  if (!config.SITREP_FEEDS) return [];
  try {
    return parseFeedsFile(readFileSync(config.SITREP_FEEDS, 'utf8'));
  } catch (error) {
    throw new ConfigError(`SITREP_FEEDS (${config.SITREP_FEEDS}): ${(error as Error).message}`);
  }
}

async function start(argv: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' } } });
  const logger = createLogger(config.LOG_LEVEL);
  const app = createApp({
    db: values.db ?? config.SITREP_DB,
    checkDatabase: true,
    logger,
    ...llmOptions(config),
    analysisThreads: config.SITREP_ANALYSIS_THREADS,
    commandLimits: {
      userPerMinute: config.SITREP_USER_COMMANDS_PER_MIN,
      channelPerMinute: config.SITREP_CHANNEL_COMMANDS_PER_MIN,
    },
  });
  const ops = config.SITREP_HTTP_PORT
    ? await startOpsServer({
        port: config.SITREP_HTTP_PORT,
        host: config.SITREP_HTTP_HOST,
        store: app.store,
        metrics: app.metrics,
      })
    : null;
  const shutdown = onShutdown();
  try {
    const seeded = await seedIfEmpty(app, config);
    // Inbox, feeds, digests and alert delivery run in every mode.
    const liveOptions = (notifiers: LiveOptions['notifiers']): LiveOptions => ({
      notifiers,
      inboxDir: config.SITREP_INBOX,
      inboxSettleMs: config.SITREP_INBOX_SETTLE_MS,
      feeds: configuredFeeds(config),
      feedIntervalMs: config.SITREP_FEED_INTERVAL_S * 1000,
      allowPrivateFetch: config.SITREP_ALLOW_PRIVATE_FETCH,
      fetchPages: config.SITREP_FETCH_PAGES,
      digestHour: config.SITREP_DIGEST_HOUR,
    });
    const platforms: { stop(): Promise<void> }[] = [];
    const notifiers: Notifier[] = [];
    if (config.DISCORD_TOKEN) {
      const discord = await startDiscord({
        token: config.DISCORD_TOKEN,
        apiBase: config.DISCORD_API_BASE,
        dispatch: app.dispatch,
        services: app.services,
      });
      platforms.push(discord);
      notifiers.push(discord.notifier);
      process.stderr.write(`sitrep: on Discord with ${app.store.count()} articles; Ctrl-C stops\n`);
    }
    if (config.TELEGRAM_BOT_TOKEN) {
      const telegram = await startTelegram(config, app, logger);
      platforms.push(telegram);
      notifiers.push(telegram.notifier);
    }
    if (platforms.length > 0) {
      const live = await app.startLive(liveOptions(notifiers));
      await shutdown.requested;
      for (const platform of platforms) await platform.stop();
      await live.stop();
      return 0;
    }
    const banner = `sitrep console: ${app.store.count()} articles${seeded ? ` (${seeded} sample articles loaded)` : ''}. Type /help, or exit.`;
    const style = () => ({
      width: Math.min(process.stdout.columns ?? 100, 120),
      colour: Boolean(process.stdout.isTTY),
    });
    const live = await app.startLive(liveOptions([createConsoleNotifier(process.stdout, style)]));
    try {
      // A signal during start-up (seeding the sample corpus) leaves no console to open.
      if (!shutdown.signal.aborted)
        await runConsole({
          dispatch: app.dispatch,
          commands: app.services.commands,
          input: process.stdin,
          output: process.stdout,
          banner,
          signal: shutdown.signal,
        });
    } finally {
      await live.stop();
    }
    return 0;
  } finally {
    await ops?.close();
    app.close();
    shutdown.dispose();
  }
}

/** Uploads the command list to each configured platform (never done at start-up). */
async function registerCommands(argv: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { guild: { type: 'string' } } });
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
      process.stderr.write(`sitrep: Discord registration failed: ${(error as Error).message}\n`);
      return null;
    });
    if (result) {
      process.stdout.write(
        `Discord: ${result.names.length} commands registered ${result.scope === 'guild' ? 'in the server' : 'globally'}: ${result.names.map((name) => `/${name}`).join(' ')}\n`,
      );
    } else {
      failed = true;
    }
  }
  if (config.TELEGRAM_BOT_TOKEN) {
    const telegram = await registerTelegramFromConfig(config, commands);
    process.stdout.write(
      `telegram: registered ${telegram.registered.map((name) => `/${name}`).join(' ')}\n`,
    );
    if (telegram.skipped.length > 0) {
      process.stdout.write(`telegram: skipped (name not allowed) ${telegram.skipped.join(' ')}\n`);
    }
  }
  return failed ? 1 : 0;
}

async function ingest(argv: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError('ingest needs at least one file or folder');
  const app = createApp({
    db: values.db ?? config.SITREP_DB,
    logger: createLogger(config.LOG_LEVEL),
    analysisThreads: config.SITREP_ANALYSIS_THREADS,
  });
  try {
    const report: IngestReport = { added: [], duplicates: [], failed: [] };
    for (const target of positionals) {
      const one = await ingestSource(target, {
        ingester: app.ingester,
        clock: app.services.clock,
        fetch: { allowPrivate: config.SITREP_ALLOW_PRIVATE_FETCH },
      });
      report.added.push(...one.added);
      report.duplicates.push(...one.duplicates);
      report.failed.push(...one.failed);
    }
    printReport(report, process.stdout);
    return 0;
  } finally {
    app.close();
  }
}

async function ask(argv: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      corpus: { type: 'string', multiple: true },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      now: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('ask takes exactly one quoted command line');
  let clock = systemClock;
  if (values.now !== undefined) {
    try {
      clock = fixedClock(values.now);
    } catch {
      throw new UsageError(`--now is not a date: ${values.now}`);
    }
  }
  const corpora = values.corpus ?? [];
  const db = values.db ?? (corpora.length > 0 ? ':memory:' : config.SITREP_DB);
  const app = createApp({
    db,
    clock,
    logger: createLogger(config.LOG_LEVEL),
    ...llmOptions(config),
    analysisThreads: config.SITREP_ANALYSIS_THREADS,
  });
  try {
    if (corpora.length > 0) {
      const report = await app.ingester.ingestPaths(corpora);
      for (const failure of report.failed)
        process.stderr.write(`skipped ${failure.origin}: ${failure.reason}\n`);
    }
    const result = await answerLine(positionals[0]!, app.dispatch, app.services.commands);
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ reply: result.reply, data: result.data }, jsonReplacer, 2)}\n`,
      );
    } else {
      process.stdout.write(
        `${renderConsole(result.reply, { width: process.stdout.columns ?? 100, colour: false })}\n`,
      );
    }
    if (result.outcome === 'user-error' && !values.json) return 1;
    if (result.outcome !== 'ok') {
      if (values.json)
        process.stderr.write(
          `${result.reply.blocks.map((b) => ('text' in b ? b.text : '')).join(' ')}\n`,
        );
      return 1;
    }
    return 0;
  } finally {
    app.close();
  }
}

/** The `sitrep` command. Returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  loadDotenv({ quiet: true });
  const [verb, ...rest] = argv;
  try {
    const config = loadConfig(process.env);
    switch (verb) {
      case 'start':
        return await start(rest, config);
      case 'ingest':
        return await ingest(rest, config);
      case 'ask':
        return await ask(rest, config);
      case 'analyze':
        return await runAnalyze(rest, process);
      case 'register-commands':
        return await registerCommands(rest, config);
      case 'backup':
        return await runBackup(rest, config.SITREP_DB, process);
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(`${USAGE}\n`);
        return verb === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${verb}"`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`sitrep: ${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`sitrep: ${error.message}\n`);
      return 2;
    }
    // A platform that cannot be reached, a disk that is full: one readable line, no stack,
    // and never a secret, whatever the error's own text holds.
    process.stderr.write(
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
