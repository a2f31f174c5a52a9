import { resolve } from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { DeliveryError } from '../../src/alerts/notifier.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { defineCommand, type AnyCommand } from '../../src/core/command.ts';
import { createDispatch } from '../../src/core/dispatch.ts';
import type { Services } from '../../src/core/services.ts';
import { createApp, type App } from '../../src/main.ts';
import { startDiscord, type DiscordBot } from '../../src/platforms/discord/client.ts';
import { registerDiscordCommands } from '../../src/platforms/discord/register.ts';
import { APPLICATION_ID, FakeDiscord, type RecordedRequest } from '../fakes/discord.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const GUILD = '500000000000000001';
const CHANNEL = '300000000000000001';
const MANAGE_CHANNELS = '16';

/** A promise the test resolves by hand: the "slow LLM" a command waits on. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

let llm = gate();
let llmFinished = false;

/** Test-only commands: a manager-only channel echo, a slow model call, a stall, pages. */
const testCommands: AnyCommand[] = [
  defineCommand({
    name: 'where',
    description: 'Test-only: says which channel and thread a manager command ran in',
    permission: 'manager',
    guildOnly: true,
    options: { topic: { type: 'string', description: 'Topic', required: true, maxLength: 100 } },
    run: (args, { invocation }) => {
      const { id, threadId } = invocation.channel;
      const where = threadId ? `${id} thread ${threadId}` : id;
      return {
        reply: {
          blocks: [{ type: 'notice', level: 'info', text: `Ran in ${where} for ${args.topic}.` }],
        },
        data: null,
      };
    },
  }),
  defineCommand({
    name: 'ask_llm',
    description: 'Test stand-in for an answer that waits on a language model',
    slow: true,
    options: {},
    run: async () => {
      await llm.opened;
      llmFinished = true;
      return { reply: { blocks: [{ type: 'text', text: 'The model answered.' }] }, data: null };
    },
  }),
  defineCommand({
    name: 'stall',
    description: 'Test stand-in for a command not marked slow that takes long',
    options: {},
    run: async () => {
      await llm.opened;
      return { reply: { blocks: [{ type: 'text', text: 'Finally.' }] }, data: null };
    },
  }),
  defineCommand({
    name: 'chart',
    description: 'Test stand-in for an answer with a timeline chart',
    options: {},
    run: () => ({
      reply: {
        blocks: [
          { type: 'heading', text: 'Timeline' },
          { type: 'image', png: new Uint8Array([137, 80, 78, 71]), alt: 'chart', fallback: '' },
        ],
      },
      data: null,
    }),
  }),
  defineCommand({
    name: 'long',
    description: 'Test stand-in for an answer longer than one message',
    options: {},
    run: () => ({
      reply: {
        blocks: Array.from({ length: 12 }, (_, i) => ({
          type: 'text' as const,
          text: `Paragraph ${i}. ${'Troops stayed in the north. '.repeat(100)}`,
        })),
      },
      data: null,
    }),
  }),
  defineCommand({
    name: 'pages',
    description: 'Test stand-in for a paged answer',
    options: { page: { type: 'integer', description: 'Page', min: 1, max: 9 } },
    run: (args) => {
      const page = args.page ?? 1;
      return {
        reply: {
          blocks: [{ type: 'text', text: `Page ${page}` }],
          actions: [{ label: 'Next', commandLine: `/pages page:${page + 1}` }],
        },
        data: null,
      };
    },
  }),
];

const PEOPLE = ['John Kirby', 'Albin Kurti', 'Aleksandar Vučić', 'Josep Borrell'];

let fake: FakeDiscord;
let app: App;
let bot: DiscordBot;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  fake.addChannel(CHANNEL);
  app = createApp({ db: ':memory:', clock: fixedClock('2023-10-02T12:00:00Z') });
  await app.ingester.ingestPaths([resolve(repoRoot, 'data/sample')]);
  app.ingester.ingestArticles([
    {
      title: 'Kosovo border crossing @everyone <@&123> reopens',
      body: 'Kosovo reopened the Jarinje crossing @everyone <@&123> **now** on Sunday, officials said.',
      outlet: 'Test Wire',
      url: 'https://example.org/jarinje',
      published: '2023-10-01T09:00:00Z',
      tags: [],
      lang: 'en',
      origin: 'test',
    },
  ]);
  const services: Services = {
    ...app.services,
    commands: [...commands, ...testCommands],
    suggest: (source, prefix) =>
      source === 'person'
        ? PEOPLE.filter((name) => name.toLowerCase().includes(prefix.toLowerCase())).map(
            (name) => ({ name, value: name }),
          )
        : [],
  };
  bot = await startDiscord({
    token: 'test-token',
    apiBase: fake.apiBase,
    dispatch: createDispatch(services),
    services,
    ackAfterMs: 1000,
  });
  const guildReady = new Promise((resolve) => bot.client.once('guildCreate', resolve));
  fake.addGuild(GUILD);
  await guildReady;
});

afterAll(async () => {
  llm.open();
  await bot?.stop();
  await fake?.close();
  app?.close();
});

const isCallback = (interaction: { id: string }) => (r: RecordedRequest) =>
  r.path.startsWith(`/interactions/${interaction.id}/`);
const isOriginalEdit = (interaction: { token: string }) => (r: RecordedRequest) =>
  r.method === 'PATCH' &&
  r.path === `/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original`;
const embedsOf = (request: RecordedRequest) =>
  (request.body?.embeds ??
    (request.body?.data as { embeds?: unknown })?.embeds ??
    []) as APIEmbed[];
const textOf = (embeds: APIEmbed[]) =>
  embeds
    .map((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => f.value)].join('\n'))
    .join('\n');

describe('Discord through discord.js and a fake Discord', () => {
  it('logs in with the token and finds the gateway through the REST base', () => {
    const login = fake.requests.find((r) => r.path === '/gateway/bot');
    expect(login?.headers.authorization).toBe('Bot test-token');
    expect(bot.applicationId).toBe(APPLICATION_ID);
  });

  it('defers /briefing kosovo, then edits it into an embed with linked sources', async () => {
    const interaction = fake.chatInput('briefing', [{ name: 'topic', type: 3, value: 'kosovo' }], {
      guildId: GUILD,
    });
    const edit = await fake.waitFor(isOriginalEdit(interaction));
    const [callback] = fake.answersTo(interaction);
    expect(callback?.body).toMatchObject({ type: 5 });
    expect(fake.interactions.get(interaction.id)?.acknowledgement).toBe('in-time');
    const embeds = embedsOf(edit);
    expect(embeds[0]?.title).toBe('Briefing: Kosovo');
    expect(textOf(embeds)).toMatch(/\[\[1\]\]\(https?:\/\//);
    // A long briefing continues in follow-up messages; the sources and the footer come last.
    const last = await fake.waitFor(
      (r) =>
        r.path.startsWith(`/webhooks/${APPLICATION_ID}/${interaction.token}`) &&
        textOf(embedsOf(r)).includes('**Sources**'),
    );
    expect(embedsOf(last).at(-1)?.footer?.text).toMatch(/^as of 2023-10-02/);
    expect(edit.body?.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('turns a deferred /briefing error into a private message', async () => {
    const interaction = fake.chatInput(
      'briefing',
      [{ name: 'topic', type: 3, value: 'atlantis' }],
      {
        guildId: GUILD,
      },
    );
    const followUp = await fake.waitFor(
      (r) => r.method === 'POST' && r.path === `/webhooks/${APPLICATION_ID}/${interaction.token}`,
    );
    const calls = fake
      .answersTo(interaction)
      .map((r) => `${r.method} ${r.path.endsWith('@original') ? 'original' : 'webhook'}`);
    expect(fake.answersTo(interaction)[0]?.body).toMatchObject({ type: 5 });
    expect(calls.slice(1)).toEqual(['DELETE original', 'POST webhook']);
    expect(followUp.body?.flags).toBe(64);
    expect(textOf(embedsOf(followUp))).toMatch(/No coverage of "atlantis"/);
  });

  it('renders article text with @everyone and <@&123> inert', async () => {
    const interaction = fake.chatInput('sources', [{ name: 'topic', type: 3, value: 'kosovo' }], {
      guildId: GUILD,
    });
    const answer = await fake.waitFor((r) => isCallback(interaction)(r));
    const text = textOf(embedsOf(answer));
    expect(text).toContain('Kosovo border crossing');
    expect(text).toContain('@\u200beveryone');
    expect(text).not.toMatch(/@everyone|<@&123>/);
    expect((answer.body?.data as Record<string, unknown>).allowed_mentions).toEqual({
      parse: [],
      replied_user: false,
    });
  });

  it('answers /who autocomplete with choices from the cache', async () => {
    const interaction = fake.autocomplete('who', [
      { name: 'name', type: 3, value: 'kur', focused: true },
    ]);
    const callback = await fake.waitFor(isCallback(interaction));
    expect(callback.body).toEqual({
      type: 8,
      data: { choices: [{ name: 'Albin Kurti', value: 'Albin Kurti' }] },
    });
  });

  it('answers /briefing topic autocomplete from the known topics', async () => {
    const interaction = fake.autocomplete('briefing', [
      { name: 'topic', type: 3, value: 'karab', focused: true },
    ]);
    const callback = await fake.waitFor(isCallback(interaction));
    expect(callback.body).toEqual({
      type: 8,
      data: { choices: [{ name: 'Nagorno-Karabakh', value: 'nagorno-karabakh' }] },
    });
  });

  it('refuses /subscribe ephemerally to a member without Manage Channels', async () => {
    const interaction = fake.chatInput('subscribe', [{ name: 'topic', type: 3, value: 'kosovo' }], {
      guildId: GUILD,
      permissions: '0',
    });
    const callback = await fake.waitFor(isCallback(interaction));
    const data = callback.body?.data as { flags?: number };
    expect(callback.body?.type).toBe(4);
    expect(data.flags).toBe(64);
    expect(textOf(embedsOf(callback))).toMatch(/Only people who manage this channel/);
  });

  it('lets a member with Manage Channels subscribe, and refuses it in a DM', async () => {
    const allowed = fake.chatInput('subscribe', [{ name: 'topic', type: 3, value: 'kosovo' }], {
      guildId: GUILD,
      permissions: MANAGE_CHANNELS,
    });
    const ok = await fake.waitFor(isCallback(allowed));
    expect(textOf(embedsOf(ok))).toContain('Subscribed: this channel gets an alert when a Kosovo');
    expect(
      app.alerts.subscriptions.list({ platform: 'discord', channelId: CHANNEL }),
    ).toMatchObject([{ topic: 'kosovo' }]);
    const inDm = fake.chatInput('subscribe', [{ name: 'topic', type: 3, value: 'kosovo' }]);
    const refused = await fake.waitFor(isCallback(inDm));
    expect((refused.body?.data as { flags?: number }).flags).toBe(64);
    expect(textOf(embedsOf(refused))).toMatch(/not in private messages/);
  });

  it('names the parent channel and the thread for a command run in a thread', async () => {
    const interaction = fake.chatInput('where', [{ name: 'topic', type: 3, value: 'kosovo' }], {
      guildId: GUILD,
      permissions: MANAGE_CHANNELS,
      channelId: '600000000000000001',
      threadParentId: CHANNEL,
    });
    const callback = await fake.waitFor(isCallback(interaction));
    expect(textOf(embedsOf(callback))).toContain(
      `Ran in ${CHANNEL} thread 600000000000000001 for kosovo.`,
    );
  });

  it('answers /briefing in a DM', async () => {
    const interaction = fake.chatInput('briefing', [{ name: 'topic', type: 3, value: 'kosovo' }]);
    const edit = await fake.waitFor(isOriginalEdit(interaction));
    expect(embedsOf(edit)[0]?.title).toBe('Briefing: Kosovo');
  });

  it('acknowledges a slow model call at once and edits the answer when it arrives', async () => {
    llm = gate();
    llmFinished = false;
    const interaction = fake.chatInput('ask_llm', [], { guildId: GUILD });
    const callback = await fake.waitFor(isCallback(interaction));
    expect(callback.body).toMatchObject({ type: 5 });
    expect(fake.interactions.get(interaction.id)?.acknowledgement).toBe('in-time');
    expect(llmFinished).toBe(false);
    llm.open();
    const edit = await fake.waitFor(isOriginalEdit(interaction));
    expect(textOf(embedsOf(edit))).toContain('The model answered.');
  });

  it('defers a command not marked slow when it has not answered in time', async () => {
    llm = gate();
    const interaction = fake.chatInput('stall', [], { guildId: GUILD });
    const callback = await fake.waitFor(isCallback(interaction));
    expect(callback.body).toMatchObject({ type: 5 });
    expect(fake.interactions.get(interaction.id)?.acknowledgement).toBe('in-time');
    llm.open();
    const edit = await fake.waitFor(isOriginalEdit(interaction));
    expect(textOf(embedsOf(edit))).toContain('Finally.');
  });

  it('pages with buttons whose ids carry the command line', async () => {
    const first = fake.chatInput('pages', [], { guildId: GUILD });
    const reply = await fake.waitFor(isCallback(first));
    const data = reply.body?.data as { components: { components: { custom_id: string }[] }[] };
    const customId = data.components[0]!.components[0]!.custom_id;
    expect(customId).toBe('p:/pages page:2');
    const click = fake.button(customId, { guildId: GUILD });
    const update = await fake.waitFor(isCallback(click));
    expect(update.body?.type).toBe(7);
    expect(textOf(embedsOf(update))).toContain('Page 2');
  });

  it('pages /sources with its More sources button', async () => {
    const first = fake.chatInput('sources', [{ name: 'topic', type: 3, value: 'kosovo' }], {
      guildId: GUILD,
    });
    const reply = await fake.waitFor(isCallback(first));
    const data = reply.body?.data as { components: { components: { custom_id: string }[] }[] };
    const customId = data.components[0]!.components[0]!.custom_id;
    expect(customId).toBe('p:/sources "kosovo" page:2');
    const click = fake.button(customId, { guildId: GUILD });
    const update = await fake.waitFor(isCallback(click));
    expect(update.body?.type).toBe(7);
    const embeds = embedsOf(update);
    expect(embeds[0]?.title).toBe('Latest on Kosovo (page 2)');
    expect(textOf(embeds)).toContain('`[11]`');
  });

  it('attaches the timeline chart as a PNG shown in the embed', async () => {
    const interaction = fake.chatInput('chart', [], { guildId: GUILD });
    const callback = await fake.waitFor(isCallback(interaction));
    expect(callback.files).toEqual(['chart-1.png']);
    expect(embedsOf(callback)[0]?.image?.url).toBe('attachment://chart-1.png');
  });

  it('splits a long answer into a reply and follow-up messages', async () => {
    const interaction = fake.chatInput('long', [], { guildId: GUILD });
    await fake.waitFor(isCallback(interaction));
    await fake.waitFor(
      (r) =>
        r.method === 'POST' &&
        r.path === `/webhooks/${APPLICATION_ID}/${interaction.token}` &&
        textOf(embedsOf(r)).includes('Paragraph 11.'),
    );
    const messages = fake.answersTo(interaction).map(embedsOf);
    expect(messages.length).toBeGreaterThan(2);
    for (const embeds of messages) expect(textOf(embeds).length).toBeLessThanOrEqual(6000);
    const text = messages.map(textOf).join('\n');
    for (let i = 0; i < 12; i++) expect(text).toContain(`Paragraph ${i}.`);
  });

  it('registers the command list in one guild with a bulk overwrite', async () => {
    const result = await registerDiscordCommands({
      token: 'test-token',
      commands: [...commands, ...testCommands],
      guildId: GUILD,
      apiBase: fake.apiBase,
    });
    expect(result).toMatchObject({ scope: 'guild', applicationId: APPLICATION_ID });
    const put = await fake.waitFor(
      (r) =>
        r.method === 'PUT' && r.path === `/applications/${APPLICATION_ID}/guilds/${GUILD}/commands`,
    );
    const body = put.body as unknown as {
      name: string;
      default_member_permissions: string | null;
    }[];
    expect(body.map((command) => command.name)).toEqual(result.names);
    expect(body.find((command) => command.name === 'subscribe')?.default_member_permissions).toBe(
      MANAGE_CHANNELS,
    );
  });
});

describe('Discord alerts', () => {
  const alert = (text: string) => ({
    blocks: [
      { type: 'heading' as const, text: 'Kosovo: escalation' },
      { type: 'text' as const, text },
    ],
    level: 3,
  });

  it('posts an alert to the channel with mentions disabled and article text inert', async () => {
    const { messageId } = await bot.notifier.send({
      deliveryId: 'd1',
      to: { platform: 'discord', channelId: CHANNEL },
      reply: alert('Clashes in Banjska @everyone <@&123> @here'),
    });
    const posted = fake.messages.get(messageId)!;
    expect(posted.channel_id).toBe(CHANNEL);
    expect(posted.allowed_mentions).toEqual({ parse: [] });
    const request = fake.requests.find(
      (candidate) =>
        candidate.method === 'POST' && candidate.path.endsWith(`/channels/${CHANNEL}/messages`),
    );
    expect(request?.body).toMatchObject({
      enforce_nonce: true,
      nonce: expect.stringMatching(/^[0-9a-f]{25}$/),
    });
    const text = textOf(posted.embeds as APIEmbed[]);
    expect(text).toContain('Banjska');
    expect(text).not.toMatch(/@everyone|@here|<@&123>/);
  });

  it('attaches an alert chart as a PNG file', async () => {
    const { messageId } = await bot.notifier.send({
      deliveryId: 'd9',
      to: { platform: 'discord', channelId: CHANNEL },
      reply: {
        blocks: [
          { type: 'heading', text: 'Kosovo: escalation' },
          { type: 'image', png: new Uint8Array([137, 80, 78, 71]), alt: 'chart', fallback: '' },
        ],
      },
    });
    const request = fake.requests.findLast((r) => r.path === `/channels/${CHANNEL}/messages`)!;
    expect(request.files).toEqual(['chart-1.png']);
    const embeds = fake.messages.get(messageId)!.embeds as APIEmbed[];
    expect(embeds[0]?.image?.url).toBe('attachment://chart-1.png');
  });

  it('puts follow-ups in a thread on the first alert', async () => {
    const first = await bot.notifier.send({
      deliveryId: 'd2',
      to: { platform: 'discord', channelId: CHANNEL },
      reply: alert('First report.'),
    });
    const second = await bot.notifier.send({
      deliveryId: 'd3',
      to: { platform: 'discord', channelId: CHANNEL },
      reply: alert('Second report.'),
      replyTo: first.messageId,
    });
    expect(fake.messages.get(second.messageId)?.channel_id).toBe(first.messageId);
  });

  it('replies to the first alert where the bot may not create threads', async () => {
    fake.addChannel('300000000000000002', { threads: false });
    const to = { platform: 'discord' as const, channelId: '300000000000000002' };
    const first = await bot.notifier.send({ deliveryId: 'd4', to, reply: alert('First.') });
    const second = await bot.notifier.send({
      deliveryId: 'd5',
      to,
      reply: alert('Second.'),
      replyTo: first.messageId,
    });
    const posted = fake.messages.get(second.messageId)!;
    expect(posted.channel_id).toBe('300000000000000002');
    expect(posted.message_reference).toMatchObject({ message_id: first.messageId });
  });

  it('marks a delivery forbidden on Missing Permissions, and gone on an unknown channel', async () => {
    fake.addChannel('300000000000000003', { forbidden: true });
    const forbidden = bot.notifier.send({
      deliveryId: 'd6',
      to: { platform: 'discord', channelId: '300000000000000003' },
      reply: alert('x'),
    });
    await expect(forbidden).rejects.toBeInstanceOf(DeliveryError);
    await expect(forbidden).rejects.toMatchObject({
      kind: 'forbidden',
      message: /Missing Permissions/,
    });
    await expect(
      bot.notifier.send({
        deliveryId: 'd7',
        to: { platform: 'discord', channelId: '399999999999999999' },
        reply: alert('x'),
      }),
    ).rejects.toMatchObject({ kind: 'gone' });
  });

  it('waits out a 429 for retry_after and delivers exactly once', async () => {
    fake.addChannel('300000000000000004');
    const route = '/channels/300000000000000004/messages';
    fake.rateLimitNext((r) => r.method === 'POST' && r.path === route, 0.3);
    const { messageId } = await bot.notifier.send({
      deliveryId: 'd8',
      to: { platform: 'discord', channelId: '300000000000000004' },
      reply: alert('Rate limited, then sent.'),
    });
    const attempts = fake.requests.filter((r) => r.method === 'POST' && r.path === route);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(300);
    const stored = [...fake.messages.values()].filter((m) => m.channel_id === '300000000000000004');
    expect(stored.map((m) => m.id)).toEqual([messageId]);
  });
});
