import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local stand-in for Discord's REST API and gateway, enough for a real discord.js 14 client
 * to log in, receive interactions and answer them (handshake as in shared/notes/platforms.md).
 * It records every REST call, enforces the 3-second acknowledgement rule and one-answer rule,
 * keeps channels, messages and threads for the notifier, and can script failures and 429s.
 */

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, URL-decoded: `/webhooks/APP/TOKEN/messages/@original`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The JSON body, or `payload_json` of a multipart body. */
  body: Record<string, unknown> | null;
  /** Names of uploaded files (multipart bodies). */
  files: string[];
  /** Milliseconds since the fake started (performance clock). */
  at: number;
  status: number;
}

export interface FakeChannel {
  id: string;
  /** May the bot start threads here? */
  threads: boolean;
  /** Answer every post with 403 Missing Permissions. */
  forbidden: boolean;
}

interface Scripted {
  match: (request: RecordedRequest) => boolean;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

interface InteractionRecord {
  dispatchedAt: number;
  acknowledgement: 'in-time' | 'late' | null;
}

export interface OptionInput {
  name: string;
  /** 3 string, 4 integer. */
  type: 3 | 4;
  value: string | number;
  focused?: boolean;
}

export interface Actor {
  userId?: string;
  /** Present for a guild interaction; absent for a DM. */
  guildId?: string;
  /** The member's permission bit field in the channel, as a decimal string. */
  permissions?: string;
  channelId?: string;
  /** Makes `channelId` a thread of this channel. */
  threadParentId?: string;
}

export interface FakeDiscordOptions {
  /**
   * The shard count `GET /gateway/bot` recommends (and its identify concurrency). Each gateway
   * connection is the shard its IDENTIFY names, and gets only that shard's guilds and events.
   */
  shards?: number;
}

/** The shard Discord routes a guild's events to: `(guild_id >> 22) % shard_count`. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Discord's own 3-second limit for the first answer to an interaction. */
export const ACK_LIMIT_MS = 3000;

export const APPLICATION_ID = '111111111111111111';
const BOT_USER = {
  id: APPLICATION_ID,
  username: 'sitrep',
  discriminator: '0',
  avatar: null,
  global_name: null,
  bot: true,
};

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly channels = new Map<string, FakeChannel>();
  /** Every message posted to a channel or thread, by id. */
  readonly messages = new Map<string, Record<string, unknown>>();
  readonly interactions = new Map<string, InteractionRecord>();
  private readonly events = new EventEmitter();
  private readonly scripted: Scripted[] = [];
  private readonly sockets = new Set<WebSocket>();
  /** The shard each IDENTIFY asked for, in arrival order. */
  readonly identifies: { shard: [number, number] }[] = [];
  /** Shard id -> the connection that identified as it. */
  private readonly shardSockets = new Map<number, WebSocket>();
  /** Guild id -> the ids of its text channels. */
  private readonly guilds = new Map<string, string[]>();
  private sequence = 0;
  private snowflake = 200000000000000000n;
  private readonly started = performance.now();

  private constructor(
    private readonly server: Server,
    private readonly gateway: WebSocketServer,
    readonly port: number,
    readonly shardCount: number,
  ) {}

  /** Starts the fake on an ephemeral loopback port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const gateway = new WebSocketServer({ server, path: '/gateway' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeDiscord(
      server,
      gateway,
      (server.address() as AddressInfo).port,
      options.shards ?? 1,
    );
    server.on('request', (req, res) => {
      fake.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 0, message: `fake Discord failed: ${String(error)}` }));
      });
    });
    gateway.on('connection', (socket) => fake.connect(socket));
    return fake;
  }

  /** The value for discord.js `rest.api` (and `DISCORD_API_BASE`). */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  nextId(): string {
    this.snowflake += 1n;
    return this.snowflake.toString();
  }

  addChannel(id: string, options: Partial<Omit<FakeChannel, 'id'>> = {}): FakeChannel {
    const channel = { id, threads: options.threads ?? true, forbidden: options.forbidden ?? false };
    this.channels.set(id, channel);
    return channel;
  }

  /** Answers the next request that matches with `status` and `body` instead of serving it. */
  failNext(
    match: (request: RecordedRequest) => boolean,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    this.scripted.push({ match, status, body, headers });
  }

  /** Answers the next matching request with a 429 carrying `retry_after` (seconds). */
  rateLimitNext(match: (request: RecordedRequest) => boolean, retryAfterSeconds: number): void {
    this.failNext(
      match,
      429,
      { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
      { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-scope': 'user' },
    );
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(
    match: (request: RecordedRequest) => boolean,
    timeoutMs = 5000,
  ): Promise<RecordedRequest> {
    const found = this.requests.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('request', listener);
        const seen = this.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join('\n');
        reject(new Error(`no matching request within ${timeoutMs} ms; saw:\n${seen}`));
      }, timeoutMs);
      const listener = (request: RecordedRequest) => {
        if (!match(request)) return;
        clearTimeout(timer);
        this.events.off('request', listener);
        resolve(request);
      };
      this.events.on('request', listener);
    });
  }

  /** Calls to the interaction's callback and webhook routes, in order. */
  answersTo(interaction: { id: string; token: string }): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        r.path.startsWith(`/interactions/${interaction.id}/`) ||
        r.path.startsWith(`/webhooks/${APPLICATION_ID}/${interaction.token}`),
    );
  }

  /** Sends a gateway dispatch on the connection of one shard (the only one, unsharded). */
  dispatch(type: string, data: unknown, shard = 0): void {
    const frame = JSON.stringify({ op: 0, t: type, s: ++this.sequence, d: data });
    this.shardSockets.get(shard)?.send(frame);
  }

  /**
   * Adds a server the bot is in, with the given channels (default: every channel the fake
   * has). A shard that identifies later lists it in READY and sends it right after; a shard
   * already connected gets it now, as the gateway does when the bot joins a server.
   */
  addGuild(id: string, channelIds?: string[]): void {
    this.guilds.set(id, channelIds ?? [...this.channels.keys()]);
    const shard = shardOfGuild(id, this.shardCount);
    if (this.shardSockets.has(shard)) this.dispatch('GUILD_CREATE', this.guildObject(id), shard);
  }

  /**
   * Pushes an interaction on the shard of its guild (shard 0 for a DM, as Discord does) and
   * starts its 3-second clock.
   */
  dispatchInteraction(payload: Record<string, unknown>): {
    id: string;
    token: string;
    shard: number;
  } {
    const id = payload.id as string;
    const guildId = payload.guild_id as string | undefined;
    const shard = guildId ? shardOfGuild(guildId, this.shardCount) : 0;
    this.interactions.set(id, { dispatchedAt: performance.now(), acknowledgement: null });
    this.dispatch('INTERACTION_CREATE', payload, shard);
    return { id, token: payload.token as string, shard };
  }

  /** A `/command` as a user would type it. */
  chatInput(name: string, options: OptionInput[] = [], actor: Actor = {}) {
    return this.dispatchInteraction(
      this.interaction(2, { id: this.nextId(), name, type: 1, options }, actor),
    );
  }

  /** An autocomplete request while the user types the `focused` option. */
  autocomplete(name: string, options: OptionInput[], actor: Actor = {}) {
    return this.dispatchInteraction(
      this.interaction(4, { id: this.nextId(), name, type: 1, options }, actor),
    );
  }

  /** A click on a button of a message the bot sent. */
  button(customId: string, actor: Actor = {}) {
    const channelId = actor.channelId ?? '300000000000000001';
    const message = this.messageObject(channelId, {});
    return this.dispatchInteraction({
      ...this.interaction(3, { custom_id: customId, component_type: 2 }, actor),
      message,
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.gateway.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private interaction(type: number, data: Record<string, unknown>, actor: Actor) {
    const channelId = actor.channelId ?? '300000000000000001';
    const user = {
      id: actor.userId ?? '400000000000000001',
      username: 'reader',
      discriminator: '0',
      avatar: null,
      global_name: 'Reader',
    };
    const where = actor.guildId
      ? {
          guild_id: actor.guildId,
          guild_locale: 'en-US',
          member: {
            user,
            roles: [],
            permissions: actor.permissions ?? '0',
            joined_at: '2023-01-01T00:00:00.000Z',
            deaf: false,
            mute: false,
          },
        }
      : { user };
    return {
      id: this.nextId(),
      token: `token-${this.nextId()}`,
      application_id: APPLICATION_ID,
      type,
      version: 1,
      data,
      channel_id: channelId,
      channel: actor.threadParentId
        ? { id: channelId, type: 11, parent_id: actor.threadParentId, guild_id: actor.guildId }
        : actor.guildId
          ? { id: channelId, type: 0, guild_id: actor.guildId }
          : { id: channelId, type: 1, recipients: [user] },
      locale: 'en-US',
      app_permissions: '0',
      entitlements: [],
      authorizing_integration_owners: {},
      ...where,
    };
  }

  /** A GUILD_CREATE payload for a guild added with `addGuild`. */
  private guildObject(id: string) {
    return {
      id,
      name: `Guild ${id}`,
      icon: null,
      owner_id: '400000000000000009',
      unavailable: false,
      member_count: 2,
      large: false,
      features: [],
      roles: [],
      emojis: [],
      stickers: [],
      members: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      threads: [],
      channels: (this.guilds.get(id) ?? []).map((channelId) => ({
        id: channelId,
        type: 0,
        name: 'news',
        guild_id: id,
        position: 0,
      })),
      joined_at: '2023-01-01T00:00:00.000Z',
      preferred_locale: 'en-US',
    };
  }

  private messageObject(channelId: string, body: Record<string, unknown>) {
    return {
      id: this.nextId(),
      channel_id: channelId,
      type: 0,
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      attachments: [],
      author: BOT_USER,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
      flags: body.flags ?? 0,
      ...(body.message_reference ? { message_reference: body.message_reference } : {}),
    };
  }

  private connect(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d?: { shard?: [number, number] } };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) this.identify(socket, frame.d?.shard ?? [0, 1]);
    });
  }

  /** Answers an IDENTIFY with READY for that shard, then sends the shard's guilds. */
  private identify(socket: WebSocket, shard: [number, number]): void {
    const [id] = shard;
    this.identifies.push({ shard });
    this.shardSockets.set(id, socket);
    socket.on('close', () => {
      if (this.shardSockets.get(id) === socket) this.shardSockets.delete(id);
    });
    const guildIds = [...this.guilds.keys()].filter(
      (guildId) => shardOfGuild(guildId, this.shardCount) === id,
    );
    this.dispatch(
      'READY',
      {
        v: 10,
        session_id: `fake-session-${id}`,
        resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
        user: BOT_USER,
        guilds: guildIds.map((guildId) => ({ id: guildId, unavailable: true })),
        shard,
        application: { id: APPLICATION_ID, flags: 0 },
      },
      id,
    );
    for (const guildId of guildIds) this.dispatch('GUILD_CREATE', this.guildObject(guildId), id);
  }

  private async readBody(req: IncomingMessage): Promise<Pick<RecordedRequest, 'body' | 'files'>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    if (raw.length === 0) return { body: null, files: [] };
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const files: string[] = [];
      let body: Record<string, unknown> | null = null;
      for (const [key, value] of form.entries()) {
        if (key === 'payload_json') body = JSON.parse(String(value)) as Record<string, unknown>;
        else if (typeof value !== 'string') files.push(value.name);
      }
      return { body, files };
    }
    return { body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>, files: [] };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    const { body, files } = await this.readBody(req);
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname.replace(/^\/api\/v10/, '')),
      query: url.searchParams,
      headers: req.headers,
      body,
      files,
      at: performance.now() - this.started,
      status: 0,
    };
    const scripted = this.scripted.findIndex((entry) => entry.match(request));
    const [status, response, headers] =
      scripted >= 0
        ? (() => {
            const [entry] = this.scripted.splice(scripted, 1);
            return [entry!.status, entry!.body, entry!.headers] as const;
          })()
        : this.route(request);
    request.status = status;
    this.requests.push(request);
    this.events.emit('request', request);
    if (response === undefined) {
      res.writeHead(status, headers);
      res.end();
    } else {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(response));
    }
  }

  private route(request: RecordedRequest): readonly [number, unknown, Record<string, string>] {
    const { method, path, body } = request;
    const ok = (value: unknown, status = 200) => [status, value, {}] as const;
    const error = (status: number, code: number, message: string) =>
      [status, { code, message }, {}] as const;
    let match: RegExpExecArray | null;

    if (method === 'GET' && path === '/gateway/bot') {
      return ok({
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: this.shardCount,
        // One identify bucket per shard, so shards connect without discord.js's 5 s spacing.
        session_start_limit: {
          total: 1000,
          remaining: 1000,
          reset_after: 0,
          max_concurrency: this.shardCount,
        },
      });
    }
    if (method === 'GET' && path === '/applications/@me') {
      return ok({ id: APPLICATION_ID, name: 'sitrep', flags: 0 });
    }
    if (
      method === 'PUT' &&
      (match = /^\/applications\/(\d+)(?:\/guilds\/\d+)?\/commands$/.exec(path))
    ) {
      const commands = (body as unknown as Record<string, unknown>[]) ?? [];
      return ok(
        commands.map((command) => ({
          ...command,
          id: this.nextId(),
          application_id: match![1],
          version: '1',
        })),
      );
    }
    if (method === 'POST' && (match = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path))) {
      const record = this.interactions.get(match[1]!);
      if (!record) return error(404, 10062, 'Unknown interaction');
      if (record.acknowledgement) {
        return error(400, 40060, 'Interaction has already been acknowledged.');
      }
      const late = performance.now() - record.dispatchedAt > ACK_LIMIT_MS;
      record.acknowledgement = late ? 'late' : 'in-time';
      if (late) return error(404, 10062, 'Unknown interaction');
      return [204, undefined, {}] as const;
    }
    if ((match = /^\/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/.exec(path))) {
      if (method === 'DELETE') return [204, undefined, {}] as const;
      return ok(this.messageObject('300000000000000001', body ?? {}));
    }
    if (method === 'POST' && (match = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      const channel = this.channels.get(match[1]!);
      if (!channel) return error(404, 10003, 'Unknown Channel');
      if (channel.forbidden) return error(403, 50001, 'Missing Access');
      if (!channel.threads) return error(403, 50013, 'Missing Permissions');
      if (!this.messages.has(match[2]!)) return error(404, 10008, 'Unknown Message');
      if (this.channels.has(match[2]!)) {
        return error(400, 160004, 'A thread has already been created for this message');
      }
      this.addChannel(match[2]!, { threads: false });
      return ok({ id: match[2], type: 11, parent_id: match[1], name: body?.name }, 201);
    }
    if (method === 'POST' && (match = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      const channel = this.channels.get(match[1]!);
      if (!channel) return error(404, 10003, 'Unknown Channel');
      if (channel.forbidden) return error(403, 50013, 'Missing Permissions');
      const message = this.messageObject(channel.id, body ?? {});
      this.messages.set(message.id, { ...message, allowed_mentions: body?.allowed_mentions });
      return ok(message);
    }
    return error(404, 0, `fake Discord has no route ${method} ${path}`);
  }
}
