import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Notifier } from '../alerts/notifier.ts';
import { ConfigError, type Config } from '../config.ts';
import { createLogger } from '../core/logger.ts';
import { plural } from '../core/plural.ts';
import { onShutdown } from '../core/shutdown.ts';
import type { LiveOptions } from '../live.ts';
import { createApp, type App } from '../main.ts';
import { startOpsServer } from '../ops/http-server.ts';
import { createConsoleNotifier } from '../platforms/console/notifier.ts';
import { runConsole } from '../platforms/console/repl.ts';
import { startDiscord } from '../platforms/discord/client.ts';
import { startTelegram } from '../platforms/telegram/start.ts';
import { parseFeedsFile, type FeedConfig } from '../sources/feeds-file.ts';
import { llmOptions } from './app-options.ts';
import type { CliContext } from './io.ts';

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

export async function start(
  argv: string[],
  { io, config: readConfig }: CliContext,
): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' } } });
  const config = readConfig();
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
      io.stderr.write(
        `sitrep: on Discord with ${plural(app.store.count(), 'article')}; Ctrl-C stops\n`,
      );
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
    const loaded = seeded ? ` (${plural(seeded, 'sample article')} loaded)` : '';
    const banner = `sitrep console: ${plural(app.store.count(), 'article')}${loaded}. Type /help, a topic, a name or a question; exit leaves.`;
    const style = () => ({
      width: Math.min(io.stdout.columns ?? 100, 120),
      colour: Boolean(io.stdout.isTTY),
    });
    const live = await app.startLive(liveOptions([createConsoleNotifier(io.stdout, style)]));
    try {
      // A signal during start-up (seeding the sample corpus) leaves no console to open.
      if (!shutdown.signal.aborted)
        await runConsole({
          dispatch: app.dispatch,
          services: app.services,
          input: io.stdin,
          output: io.stdout,
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
