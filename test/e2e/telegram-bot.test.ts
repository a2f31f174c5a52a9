import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { DeliveryError } from '../../src/alerts/notifier.ts';
import { checkChannelAdmin } from '../../src/platforms/telegram/channel-admin.ts';
import { MESSAGE_LIMIT } from '../../src/platforms/telegram/render.ts';
import { registerTelegramCommands } from '../../src/platforms/telegram/register.ts';
import type { RecordedCall } from '../fakes/telegram-bot-api.ts';
import { HOSTILE_TEXT, kosovoArticles } from '../fixtures/telegram-articles.ts';
import { checkTelegramHtml } from '../helpers/telegram-html.ts';
import {
  BOT_USERNAME,
  callbackUpdate,
  fakeLongread,
  fakeSubscribe,
  startHarness,
  textUpdate,
  type Harness,
} from '../helpers/telegram-harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness([fakeSubscribe, fakeLongread]);
});
afterEach(async () => {
  await h.close();
});

/** The visible text of every message sent, after checking each is valid HTML within limits. */
function visibleTexts(calls: RecordedCall[]): string[] {
  return calls.map((call) => {
    expect(call.body.parse_mode).toBe('HTML');
    const check = checkTelegramHtml(String(call.body.text));
    expect(check.errors).toEqual([]);
    expect(check.text.length).toBeGreaterThan(0);
    expect(check.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    return check.text;
  });
}

describe('Telegram commands through telegraf (recording Bot API)', () => {
  it('GIVEN /briefing kosovo THEN replies with valid HTML within the limits, sources linked', async () => {
    await h.handle(textUpdate('/briefing kosovo'));
    const sent = h.api.callsTo('sendMessage');
    expect(sent.length).toBeGreaterThan(0);
    const text = visibleTexts(sent).join('\n');
    expect(text).toContain('Briefing: Kosovo');
    expect(text).toContain('Sources');
    expect(
      sent.some((call) =>
        String(call.body.text).includes('<a href="https://news.example.org/kosovo/'),
      ),
    ).toBe(true);
    // Several sources: previews off.
    expect(
      sent.every(
        (call) => (call.body.link_preview_options as { is_disabled: boolean }).is_disabled,
      ),
    ).toBe(true);
    // A slow command shows "typing" first.
    expect(h.api.calls[0]?.method).toBe('sendChatAction');
  });

  it('GIVEN article text holding <script>, & and unbalanced * THEN renders it literally', async () => {
    await h.handle(textUpdate('/briefing kosovo'));
    const sent = h.api.callsTo('sendMessage');
    const text = visibleTexts(sent).join('\n');
    expect(text).toContain(HOSTILE_TEXT);
    expect(text).toContain('Kosovo: <b>leaflets</b> & *flyers* found in Zvecan');
    const html = sent.map((call) => String(call.body.text)).join('\n');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('GIVEN a 10,000-character answer THEN sends several valid messages holding all of it', async () => {
    await h.handle(textUpdate('/longread'));
    const sent = h.api.callsTo('sendMessage');
    expect(sent.length).toBeGreaterThanOrEqual(3);
    const text = visibleTexts(sent).join('\n\n');
    const { data } = fakeLongread.run({}, {} as never) as unknown as {
      data: { paragraphs: string[] };
    };
    const paragraphs = data.paragraphs;
    for (const paragraph of paragraphs) expect(text).toContain(paragraph.trimEnd());
  });

  it('GIVEN /subscribe in a group by a non-admin THEN refuses it; an admin may', async () => {
    await h.handle(
      textUpdate('/subscribe kosovo', { type: 'supergroup', chatId: -100777, userId: 5 }),
    );
    const [refusal] = visibleTexts(h.api.callsTo('sendMessage'));
    expect(refusal).toContain('Only people who manage this channel may use /subscribe');
    expect(h.api.callsTo('getChatMember').at(-1)?.body).toMatchObject({
      chat_id: -100777,
      user_id: 5,
    });

    h.api.members.set('-100777:6', 'administrator');
    await h.handle(
      textUpdate(`/subscribe@${BOT_USERNAME} kosovo`, {
        type: 'supergroup',
        chatId: -100777,
        userId: 6,
        threadId: 12,
      }),
    );
    const answer = h.api.callsTo('sendMessage').at(-1)!;
    expect(visibleTexts([answer])[0]).toContain('Subscribed group -100777 topic 12 to kosovo');
    expect(answer.body.message_thread_id).toBe(12);
    expect(answer.body.reply_parameters).toMatchObject({ message_id: expect.any(Number) });
  });

  it('GIVEN /subscribe in a private chat THEN says it belongs in a group', async () => {
    await h.handle(textUpdate('/subscribe kosovo'));
    expect(visibleTexts(h.api.callsTo('sendMessage'))[0]).toContain(
      'works in a server channel or group',
    );
  });

  it('GIVEN /subscribe @channel from a private chat THEN checks the user administers it', async () => {
    h.api.chats.set('@kosovo_watch', { id: -100900, type: 'channel', title: 'Kosovo watch' });
    await h.handle(textUpdate('/subscribe @kosovo_watch kosovo', { userId: 7 }));
    expect(visibleTexts(h.api.callsTo('sendMessage')).at(-1)).toContain(
      'Only administrators of @kosovo_watch',
    );

    h.api.members.set('-100900:7', 'creator');
    h.api.members.set('-100900:42', 'administrator');
    await h.handle(textUpdate('/subscribe @kosovo_watch kosovo', { userId: 7 }));
    expect(visibleTexts(h.api.callsTo('sendMessage')).at(-1)).toContain(
      'Subscribed channel -100900 to kosovo',
    );

    await h.handle(
      textUpdate('/subscribe @kosovo_watch kosovo', { type: 'group', chatId: -3, userId: 7 }),
    );
    expect(visibleTexts(h.api.callsTo('sendMessage')).at(-1)).toContain('to me in a private chat');

    await h.handle(textUpdate('/subscribe @nowhere_chan kosovo', { userId: 7 }));
    expect(visibleTexts(h.api.callsTo('sendMessage')).at(-1)).toContain(
      'I cannot see @nowhere_chan',
    );
  });

  it('checkChannelAdmin also needs a channel, and the bot allowed to post in it', async () => {
    const telegram = h.telegram.bot.telegram;
    h.api.chats.set('@newsroom_group', { id: -100901, type: 'supergroup', title: 'Newsroom' });
    h.api.chats.set('@quiet_channel', { id: -100902, type: 'channel', title: 'Quiet' });
    h.api.members.set('-100902:7', 'administrator');
    const group = await checkChannelAdmin(telegram, '@newsroom_group', 7);
    expect(group).toMatchObject({ ok: false, reason: expect.stringContaining('is not a channel') });
    const botless = await checkChannelAdmin(telegram, '@quiet_channel', 7);
    expect(botless).toMatchObject({ ok: false, reason: expect.stringContaining('Make this bot') });
    // Without a bot id, the check asks getMe who the bot is (the fake answers 42).
    h.api.members.set('-100902:42', 'administrator');
    expect(await checkChannelAdmin(telegram, '@quiet_channel', 7)).toEqual({
      ok: true,
      chatId: '-100902',
      title: 'Quiet',
    });
  });

  it('GIVEN a scripted 429 THEN resends after retry_after, exactly once', async () => {
    h.api.failNextWith429('sendMessage', 3);
    await h.handle(textUpdate('/help'));
    const attempts = h.api.callsTo('sendMessage');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.body.text).toBe(attempts[0]!.body.text);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(3000);
  });

  it('answers /start with the help text, and ignores commands for other bots in groups', async () => {
    await h.handle(textUpdate('/start'));
    expect(visibleTexts(h.api.callsTo('sendMessage'))[0]).toContain('sitrep commands');
    await h.handle(textUpdate('/briefing@other_bot kosovo', { type: 'group', chatId: -5 }));
    await h.handle(textUpdate('/weather', { type: 'group', chatId: -5 }));
    await h.handle(textUpdate('just chatting', { type: 'group', chatId: -5 }));
    expect(h.api.callsTo('sendMessage')).toHaveLength(1);
  });

  it('answers every registered command with valid HTML, with no Telegram code per command', async () => {
    for (const command of commands) {
      const words = Object.values(command.options)
        .filter((spec) => spec.required)
        .map((spec) =>
          spec.type === 'integer'
            ? String(spec.min)
            : spec.type === 'choice'
              ? spec.choices[0]!
              : spec.autocomplete === 'person'
                ? 'kirby'
                : 'kosovo',
        );
      const before = h.api.callsTo('sendMessage').length;
      await h.handle(
        textUpdate(['/' + command.name, ...words].join(' '), { userId: 3000 + before }),
      );
      const sent = h.api.callsTo('sendMessage').slice(before);
      expect(sent.length, `/${command.name} sent nothing`).toBeGreaterThan(0);
      expect(visibleTexts(sent).join('\n')).not.toContain('something went wrong');
    }
  });

  it('GIVEN a bad option THEN answers with the shared validation message', async () => {
    await h.handle(textUpdate('/briefing kosovo 999'));
    expect(visibleTexts(h.api.callsTo('sendMessage'))[0]).toContain(
      'days must be between 1 and 365.',
    );
  });

  it('pages /who statements with an inline keyboard, editing the message on a press', async () => {
    await h.handle(textUpdate('/who john kirby'));
    const first = h.api.callsTo('sendMessage').at(-1)!;
    const keyboard = first.body.reply_markup as {
      inline_keyboard: { text: string; callback_data: string }[][];
    };
    expect(keyboard.inline_keyboard[0]!.map((button) => button.text)).toEqual(['1/2', '▶']);
    expect(visibleTexts([first])[0]).toContain('statement number 6');

    const next = keyboard.inline_keyboard[0]![1]!.callback_data;
    await h.handle(callbackUpdate(next, 555));
    expect(h.api.callsTo('answerCallbackQuery')).toHaveLength(1);
    const edit = h.api.callsTo('editMessageText').at(-1)!;
    expect(edit.body.message_id).toBe(555);
    const page2 = checkTelegramHtml(String(edit.body.text));
    expect(page2.errors).toEqual([]);
    expect(page2.text).toContain('statement number 1');
    expect(page2.text).not.toContain('statement number 6');
  });

  it('pages the answer the user is looking at, even after the corpus has grown', async () => {
    await h.handle(textUpdate('/who john kirby'));
    const first = h.api.callsTo('sendMessage').at(-1)!;
    expect(visibleTexts([first])[0]).toContain('7 statements');
    h.app.ingester.ingestArticles([
      {
        ...kosovoArticles[0]!,
        title: 'Kirby again',
        body: 'John Kirby said on Saturday that "talks must resume" between Belgrade and Pristina.',
        url: 'https://news.example.org/kosovo/kirby-again',
        published: '2023-09-30T11:00:00Z',
        origin: 'fixture-kirby-again',
      },
    ]);
    const keyboard = first.body.reply_markup as {
      inline_keyboard: { callback_data: string }[][];
    };
    await h.handle(callbackUpdate(keyboard.inline_keyboard[0]![1]!.callback_data, 556));
    const page2 = checkTelegramHtml(String(h.api.callsTo('editMessageText').at(-1)!.body.text));
    expect(page2.text).toContain('7 statements');
    // A new question sees the new article.
    await h.handle(textUpdate('/who john kirby'));
    expect(visibleTexts(h.api.callsTo('sendMessage')).at(-1)).toContain('8 statements');
  });

  it('answers an expired button with a notice instead of an error', async () => {
    await h.handle(callbackUpdate('p2#doesnotexist', 9));
    expect(h.api.callsTo('answerCallbackQuery')[0]?.body.text).toContain('expired');
  });

  it('understands plain private messages: a topic, and otherwise a search with suggestions', async () => {
    await h.handle(textUpdate('Pristina'));
    expect(visibleTexts(h.api.callsTo('sendMessage')).join('\n')).toContain('Briefing: Kosovo');

    await h.handle(textUpdate('leaflets'));
    const search = h.api.callsTo('sendMessage').at(-1)!;
    expect(visibleTexts([search])[0]).toContain('Articles mentioning "leaflets"');
    const buttons = (
      search.body.reply_markup as { inline_keyboard: { text: string }[][] }
    ).inline_keyboard.flat();
    expect(buttons.some((button) => button.text.startsWith('Briefing: '))).toBe(true);
  });

  it('limits expensive commands per user', async () => {
    for (let i = 0; i < 7; i++) await h.handle(textUpdate('/briefing kosovo', { userId: 77 }));
    const last = visibleTexts(h.api.callsTo('sendMessage')).at(-1);
    expect(last).toContain('try again in');
    await h.handle(textUpdate('/help', { userId: 77 }));
    expect(visibleTexts(h.api.callsTo('sendMessage')).at(-1)).toContain('sitrep commands');
  });
});

describe('Telegram notifier and registration (recording Bot API)', () => {
  it('posts an alert into a forum topic and a follow-up as a reply to the first alert', async () => {
    const { notifier } = h.telegram;
    const first = await notifier.send({
      deliveryId: 'd1',
      to: { platform: 'telegram', channelId: '-100123', threadId: '4' },
      reply: { blocks: [{ type: 'heading', text: 'Escalation: Kosovo 4/5' }] },
    });
    await notifier.send({
      deliveryId: 'd2',
      to: { platform: 'telegram', channelId: '-100123', threadId: '4' },
      reply: { blocks: [{ type: 'text', text: 'Update & more' }] },
      replyTo: first.messageId,
    });
    const [alert, followUp] = h.api.callsTo('sendMessage');
    expect(alert?.body).toMatchObject({ chat_id: '-100123', message_thread_id: 4 });
    expect(alert?.body.reply_parameters).toBeUndefined();
    expect(followUp?.body.reply_parameters).toMatchObject({ message_id: Number(first.messageId) });
  });

  it('sends a chart as a photo with its caption', async () => {
    await h.telegram.notifier.send({
      deliveryId: 'd3',
      to: { platform: 'telegram', channelId: '-100123' },
      reply: {
        blocks: [
          {
            type: 'image',
            png: new Uint8Array([1, 2, 3, 4]),
            alt: 'Escalation <chart> & trend',
            fallback: 'x',
          },
        ],
      },
    });
    const [photo] = h.api.callsTo('sendPhoto');
    expect(photo?.body.caption).toBe('Escalation &lt;chart&gt; &amp; trend');
    expect(photo?.fileBytes).toBe(4);
  });

  it.each([
    [403, 'Forbidden: bot was blocked by the user', 'forbidden'],
    [400, 'Bad Request: chat not found', 'gone'],
    [400, 'Bad Request: not enough rights to send text messages to the chat', 'forbidden'],
    [502, 'Bad Gateway', 'transient'],
  ])(
    'maps a %i "%s" to a %s DeliveryError that keeps the reason',
    async (code, description, kind) => {
      h.api.failNext('sendMessage', code, description);
      const sending = h.telegram.notifier.send({
        deliveryId: 'd4',
        to: { platform: 'telegram', channelId: '555' },
        reply: { blocks: [{ type: 'text', text: 'alert' }] },
      });
      await expect(sending).rejects.toBeInstanceOf(DeliveryError);
      await expect(sending).rejects.toMatchObject({
        kind,
        message: expect.stringContaining(description),
      });
    },
  );

  it('reports a 429 that persists as rate-limited with its wait', async () => {
    for (let i = 0; i < 3; i++) h.api.failNextWith429('sendMessage', 7);
    const sending = h.telegram.notifier.send({
      deliveryId: 'd5',
      to: { platform: 'telegram', channelId: '555' },
      reply: { blocks: [{ type: 'text', text: 'alert' }] },
    });
    await expect(sending).rejects.toMatchObject({ kind: 'rate-limited', retryAfterMs: 7000 });
  });

  it('registers every Telegram-legal command with setMyCommands', async () => {
    const result = await registerTelegramCommands(h.telegram.bot.telegram, h.services.commands);
    const [call] = h.api.callsTo('setMyCommands');
    const menu = call?.body.commands as { command: string; description: string }[];
    expect(menu.map((entry) => entry.command)).toEqual(
      h.services.commands.map((command) => command.name),
    );
    expect(result.skipped).toEqual([]);
    expect(menu.every((entry) => entry.description.length <= 256)).toBe(true);
  });
});
