import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Notifier } from '../../alerts/notifier.ts';
import type { Dispatch } from '../../core/dispatch.ts';
import type { Services } from '../../core/services.ts';
import { attachInteractions } from './adapter.ts';
import { createDiscordNotifier } from './notifier.ts';

/**
 * A discord.js client with the least it needs: the Guilds intent (no privileged intents; slash
 * commands arrive as interactions) and no mention parsing at all, so nothing the bot repeats
 * from an article can ping a user, a role or @everyone. It shards as Discord recommends
 * (`GET /gateway/bot`): one gateway connection per shard in this process, which Discord requires
 * from 2,500 servers on. Interactions arrive on whichever shard holds their server and alerts go
 * out over REST, so neither depends on the shard. `apiBase` replaces Discord's REST base
 * (without version), which also decides the gateway: tests point it at a local fake.
 */
export function createDiscordClient(apiBase?: string): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    shards: 'auto',
    // Channels from interaction payloads, cached or not, so a thread is known as one.
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    ...(apiBase ? { rest: { api: apiBase } } : {}),
  });
}

/** How long `stop()` waits for discord.js to close its connections. */
const STOP_TIMEOUT_MS = 5000;

export interface DiscordBot {
  client: Client;
  /** Posts alerts to channels; hand it to the alerts outbox. */
  notifier: Notifier;
  /** The application id, from the ready event. */
  applicationId: string;
  stop(): Promise<void>;
}

export interface StartDiscordOptions {
  token: string;
  apiBase?: string | undefined;
  dispatch: Dispatch;
  services: Services;
  /** See `InteractionOptions.ackAfterMs`. */
  ackAfterMs?: number;
}

/**
 * Logs in and answers interactions until `stop()`. Commands are not registered here: that is
 * `sitrep register-commands`, because Discord limits how often commands may be created.
 */
export async function startDiscord(options: StartDiscordOptions): Promise<DiscordBot> {
  const client = createDiscordClient(options.apiBase);
  const logger = options.services.logger.child({ platform: 'discord' });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  attachInteractions(client, {
    dispatch: options.dispatch,
    services: options.services,
    ...(options.ackAfterMs !== undefined ? { ackAfterMs: options.ackAfterMs } : {}),
  });
  const ready = once(client, Events.ClientReady);
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  const applicationId = client.application?.id ?? client.user!.id;
  logger.info({ user: client.user?.tag, applicationId }, 'discord connected');
  return {
    client,
    notifier: createDiscordNotifier(client.rest, logger),
    applicationId,
    // Bounded: with the gateway unreachable, destroy() can wait on reconnection for a long time.
    stop: () =>
      Promise.race([
        client.destroy(),
        new Promise<void>((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref()),
      ]),
  };
}
