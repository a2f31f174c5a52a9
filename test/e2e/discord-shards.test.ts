import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/core/clock.ts';
import type { Live } from '../../src/live.ts';
import { createApp, type App } from '../../src/main.ts';
import { startDiscord, type DiscordBot } from '../../src/platforms/discord/client.ts';
import { FakeDiscord, shardOfGuild, type RecordedRequest } from '../fakes/discord.ts';

/**
 * The real discord.js client against the fake gateway recommending two shards, as Discord does
 * for a bot in thousands of servers: both shards connect from this one process, a command from
 * a server on shard 1 is answered, and an alert reaches a subscribed channel on each shard.
 */

const SHARDS = 2;
/** Two servers whose ids put them on different shards (`(id >> 22) % 2`). */
const GUILD_ON_0 = '500000000000000001';
const GUILD_ON_1 = '500000000004194305';
const CHANNEL_ON_0 = '300000000000000010';
const CHANNEL_ON_1 = '300000000000000011';
const MANAGE_CHANNELS = '16';

/** A report of an armed clash in north Kosovo (level 4), written for this test. */
const CLASH = {
  title: 'Gunfire between police and armed group near Leposavic',
  body:
    'An armed group opened fire on a Kosovo police patrol near Leposavic before dawn on ' +
    'Tuesday, and officers returned fire in a clash that went on for about an hour, the ' +
    'interior ministry said. The attackers withdrew towards the Serbian boundary.',
  outlet: 'Test Wire',
  url: 'https://example.org/leposavic-gunfire',
  published: '2023-11-14T05:30:00Z',
  tags: [],
  lang: 'en',
  origin: 'test',
};

/** A second outlet's report of the same clash: an alert waits for a story to be confirmed. */
const CLASH_CONFIRMED = {
  ...CLASH,
  title: 'Kosovo police exchange fire with gunmen near Leposavic',
  body:
    'Kosovo police officers exchanged fire with an armed group near Leposavic early on ' +
    'Tuesday, the interior ministry said; the gunmen later withdrew towards Serbia.',
  outlet: 'Second Wire',
  url: 'https://example.net/leposavic-exchange-of-fire',
  published: '2023-11-14T06:10:00Z',
};

let fake: FakeDiscord;
let app: App;
let bot: DiscordBot;
let live: Live;

beforeAll(async () => {
  fake = await FakeDiscord.start({ shards: SHARDS });
  fake.addChannel(CHANNEL_ON_0);
  fake.addChannel(CHANNEL_ON_1);
  fake.addGuild(GUILD_ON_0, [CHANNEL_ON_0]);
  fake.addGuild(GUILD_ON_1, [CHANNEL_ON_1]);
  app = createApp({ db: ':memory:', clock: systemClock });
  bot = await startDiscord({
    token: 'shard-token',
    apiBase: fake.apiBase,
    dispatch: app.dispatch,
    services: app.services,
  });
  live = await app.startLive({
    notifiers: [bot.notifier],
    inboxDir: null,
    feeds: [],
    feedIntervalMs: 60_000,
    allowPrivateFetch: true,
    fetchPages: false,
    digestHour: 7,
  });
});

afterAll(async () => {
  await live?.stop();
  await bot?.stop();
  await fake?.close();
  app?.close();
});

const isCallback = (interaction: { id: string }) => (r: RecordedRequest) =>
  r.path.startsWith(`/interactions/${interaction.id}/`);
const textOf = (request: RecordedRequest) => {
  const data = (request.body?.data ?? request.body) as { content?: string; embeds?: APIEmbed[] };
  return [data.content ?? '', ...(data.embeds ?? []).map((e) => `${e.title} ${e.description}`)]
    .join('\n')
    .trim();
};

/** `/subscribe kosovo` from a channel manager of a server. */
function subscribe(guildId: string, channelId: string) {
  return fake.chatInput('subscribe', [{ name: 'topic', type: 3, value: 'kosovo' }], {
    guildId,
    channelId,
    permissions: MANAGE_CHANNELS,
  });
}

describe('Discord with two shards', () => {
  it('connects both shards of the recommended count from one client', () => {
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(bot.client.ws.shards.size).toBe(SHARDS);
    expect(shardOfGuild(GUILD_ON_0, SHARDS)).toBe(0);
    expect(shardOfGuild(GUILD_ON_1, SHARDS)).toBe(1);
    // Each shard announced its own server.
    expect(bot.client.guilds.cache.get(GUILD_ON_0)?.shardId).toBe(0);
    expect(bot.client.guilds.cache.get(GUILD_ON_1)?.shardId).toBe(1);
  });

  it('answers a command that arrives on shard 1', async () => {
    const interaction = subscribe(GUILD_ON_1, CHANNEL_ON_1);
    expect(interaction.shard).toBe(1);
    const callback = await fake.waitFor(isCallback(interaction));
    expect(callback.status).toBe(204);
    expect(textOf(callback)).toMatch(/Subscribed/);
    expect(
      app.alerts.subscriptions.list({ platform: 'discord', channelId: CHANNEL_ON_1 }),
    ).toHaveLength(1);
  });

  it('sends an alert to a subscribed channel of a server on each shard', async () => {
    const onShard0 = subscribe(GUILD_ON_0, CHANNEL_ON_0);
    expect(onShard0.shard).toBe(0);
    await fake.waitFor(isCallback(onShard0));
    expect(
      app.alerts.subscriptions.list({ platform: 'discord', channelId: CHANNEL_ON_0 }),
    ).toHaveLength(1);

    const report = app.ingester.ingestArticles([CLASH, CLASH_CONFIRMED]);
    expect(report.added).toHaveLength(2);
    const postedTo = (channelId: string) => (r: RecordedRequest) =>
      r.method === 'POST' && r.path === `/channels/${channelId}/messages` && r.status === 200;
    const [first, second] = await Promise.all([
      fake.waitFor(postedTo(CHANNEL_ON_0)),
      fake.waitFor(postedTo(CHANNEL_ON_1)),
    ]);
    for (const alert of [first, second]) {
      expect(textOf(alert)).toContain('Gunfire between police and armed group near Leposavic');
    }
  });
});
