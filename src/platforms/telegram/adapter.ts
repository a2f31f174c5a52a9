import type { Context, Telegraf, Telegram } from 'telegraf';
import { callbackQuery, message } from 'telegraf/filters';
import type { Chat } from 'telegraf/types';
import { parseCommandLine } from '../../core/command-line.ts';
import type { AnyCommand } from '../../core/command.ts';
import type { Dispatch } from '../../core/dispatch.ts';
import { UserError } from '../../core/errors.ts';
import type { Invocation } from '../../core/invocation.ts';
import type { Logger } from '../../core/logger.ts';
import type { RateLimiter } from '../../core/rate-limit.ts';
import { noticeReply, type Reply } from '../../core/reply.ts';
import type { Services } from '../../core/services.ts';
import type { AnswerCache } from './answer-cache.ts';
import { checkChannelAdmin, isChatAdmin } from './channel-admin.ts';
import { answerPlainText } from '../../briefing/plain-text.ts';
import { buildKeyboard, type ButtonCodec } from './keyboards.ts';
import { pageReply } from './paging.ts';
import { renderTelegram } from './render.ts';
import { sendRendered, type SendTarget } from './send.ts';
import type { SendQueue } from './send-queue.ts';

export interface TelegramAdapterOptions {
  dispatch: Dispatch;
  services: Services;
  queue: SendQueue;
  codec: ButtonCodec;
  /** Answers kept for page presses. */
  answers: AnswerCache;
  /** Per-user limit on `slow` commands; none means unlimited. */
  limiter?: RateLimiter;
  logger: Logger;
}

/** Who asked, where: everything an answer needs, without telegraf's context. */
interface Conversation {
  chat: Pick<Chat, 'id' | 'type'>;
  threadId?: string;
  user: { id: number; name: string };
  /** The user's message, answered with a reply in groups. */
  messageId?: number;
  /** The sender posted as the group itself (an anonymous administrator). */
  asChat: boolean;
  /** Id for logs and the invocation. */
  eventId: string;
}

const CHANNEL_KIND: Record<Chat['type'], Invocation['channel']['kind']> = {
  private: 'dm',
  group: 'group',
  supergroup: 'group',
  channel: 'channel',
};

/** A command line aimed at a channel from a private chat: `/subscribe @channel kosovo`. */
const CHANNEL_TARGET = /^(\/[\w-]+)\s+(@\w{4,}|-100\d+)(?=\s|$)/;

/** `/briefing@SitrepBot kosovo` → `/briefing kosovo`, or null when another bot is addressed. */
export function commandLineFor(
  text: string,
  commandLength: number,
  botUsername: string,
): string | null {
  const token = text.slice(0, commandLength);
  const [name, target] = token.split('@');
  if (target !== undefined && target.toLowerCase() !== botUsername.toLowerCase()) return null;
  return `${name!.toLowerCase()}${text.slice(commandLength)}`;
}

/**
 * Connects the bot to dispatch: commands (every command in `services.commands`, so new ones
 * appear without touching this file; `/start` shows `/help`), plain private messages (a person,
 * a topic, or a search), and inline-keyboard presses (pages and follow-up commands). Answers go
 * out through the send queue, rendered by `render.ts`.
 */
export function attachTelegramHandlers(bot: Telegraf, options: TelegramAdapterOptions): void {
  const { dispatch, services, queue, codec, answers, limiter, logger } = options;
  const commands = services.commands;

  async function managerStatus(telegram: Telegram, conversation: Conversation): Promise<boolean> {
    if (conversation.chat.type === 'private' || conversation.chat.type === 'channel') return true;
    if (conversation.asChat) return true;
    return isChatAdmin(telegram, conversation.chat.id, conversation.user.id);
  }

  function target(conversation: Conversation): SendTarget {
    const replyTo =
      conversation.chat.type !== 'private' && conversation.messageId !== undefined
        ? { replyTo: String(conversation.messageId) }
        : {};
    return {
      chatId: String(conversation.chat.id),
      ...(conversation.threadId ? { threadId: conversation.threadId } : {}),
      ...replyTo,
    };
  }

  /** Sends a reply, its paged part last with the keyboard under it. */
  async function deliver(
    telegram: Telegram,
    conversation: Conversation,
    reply: Reply,
    commandLine: string | null,
  ): Promise<void> {
    const paged = commandLine
      ? pageReply(reply, 1)
      : { fixed: null, paged: reply, page: 1, pages: 1 };
    if (commandLine && paged.pages > 1)
      answers.set(String(conversation.chat.id), commandLine, reply);
    const to = target(conversation);
    if (paged.fixed) {
      await sendRendered(telegram, queue, to, renderTelegram(paged.fixed, { whole: reply }));
      delete to.replyTo;
    }
    const keyboard = buildKeyboard(
      codec,
      { page: paged.page, pages: paged.pages, commandLine: commandLine ?? '' },
      paged.paged.actions,
    );
    await sendRendered(
      telegram,
      queue,
      to,
      renderTelegram(paged.paged, { whole: reply }),
      keyboard,
    );
  }

  /**
   * Turns a command line into a dispatched answer: channel targeting, parsing, the manager check
   * (asked of Telegram only when the command needs it), the per-user limit and a typing hint for
   * slow commands. User errors come back as a reply (`ok` false), never as an exception.
   */
  async function answer(
    telegram: Telegram,
    conversation: Conversation,
    line: string,
  ): Promise<{ reply: Reply; ok: boolean }> {
    const refuse = (text: string) => ({ reply: noticeReply('warning', text, true), ok: false });
    let channel: Invocation['channel'] = {
      id: String(conversation.chat.id),
      kind: CHANNEL_KIND[conversation.chat.type],
      ...(conversation.threadId ? { threadId: conversation.threadId } : {}),
    };
    let command: AnyCommand | undefined;
    let args: Record<string, string>;
    try {
      const aimed = CHANNEL_TARGET.exec(line);
      const parsed = parseCommandLine(
        aimed ? `${aimed[1]}${line.slice(aimed[0].length)}` : line,
        commands,
      );
      command = commands.find((candidate) => candidate.name === parsed.command);
      args = parsed.args;
      if (aimed && command?.permission === 'manager') {
        if (conversation.chat.type !== 'private') {
          return refuse(
            `To set up ${aimed[2]}, send /${command.name} ${aimed[2]} to me in a private chat.`,
          );
        }
        const check = await checkChannelAdmin(
          telegram,
          aimed[2]!,
          conversation.user.id,
          bot.botInfo?.id,
        );
        if (!check.ok) return refuse(check.reason);
        channel = { id: check.chatId, kind: 'channel' };
      } else if (aimed) {
        // Not a channel-aimed command after all: the word is an ordinary argument.
        args = parseCommandLine(line, commands).args;
      }
    } catch (error) {
      if (error instanceof UserError) return refuse(error.message);
      throw error;
    }
    if (command?.slow && limiter) {
      const decision = limiter.take(`telegram:${conversation.user.id}`);
      if (!decision.allowed) {
        const seconds = Math.ceil(decision.retryAfterMs / 1000);
        return refuse(`You are asking quickly; try again in ${seconds} s.`);
      }
    }
    if (command?.slow) {
      telegram
        .sendChatAction(
          conversation.chat.id,
          'typing',
          conversation.threadId ? { message_thread_id: Number(conversation.threadId) } : {},
        )
        .catch(() => undefined);
    }
    const isManager =
      channel.kind === 'channel' && channel.id !== String(conversation.chat.id)
        ? true
        : command?.permission === 'manager'
          ? await managerStatus(telegram, conversation)
          : conversation.chat.type === 'private';
    const result = await dispatch({
      id: conversation.eventId,
      command: command?.name ?? '',
      args,
      platform: 'telegram',
      invoker: { id: String(conversation.user.id), name: conversation.user.name, isManager },
      channel,
    });
    return { reply: result.reply, ok: result.outcome === 'ok' };
  }

  bot.on(message('text'), async (ctx) => {
    const msg = ctx.message;
    const conversation: Conversation = {
      chat: msg.chat,
      ...(msg.is_topic_message && msg.message_thread_id
        ? { threadId: String(msg.message_thread_id) }
        : {}),
      user: { id: msg.from.id, name: msg.from.username ?? msg.from.first_name },
      messageId: msg.message_id,
      asChat: msg.sender_chat?.id === msg.chat.id,
      eventId: `tg:${msg.chat.id}:${msg.message_id}`,
    };
    const first = msg.entities?.[0];
    if (first?.type === 'bot_command' && first.offset === 0) {
      const line = commandLineFor(msg.text, first.length, ctx.botInfo.username);
      if (line === null) return;
      const name = line.slice(1).split(/\s/, 1)[0]!;
      const known = name === 'start' || commands.some((command) => command.name === name);
      // In groups, other bots' commands are none of our business unless addressed to us.
      if (!known && msg.chat.type !== 'private' && !msg.text.slice(0, first.length).includes('@'))
        return;
      const effective = name === 'start' ? '/help' : line;
      const { reply } = await answer(ctx.telegram, conversation, effective);
      await deliver(ctx.telegram, conversation, reply, effective);
      return;
    }
    if (msg.chat.type !== 'private') return;
    const plain = await answerPlainText(services, msg.text);
    if (plain.kind === 'command') {
      const { reply } = await answer(ctx.telegram, conversation, plain.line);
      await deliver(ctx.telegram, conversation, reply, plain.line);
    } else {
      await deliver(ctx.telegram, conversation, plain.reply, null);
    }
  });

  bot.on(callbackQuery('data'), async (ctx) => {
    const query = ctx.callbackQuery;
    const action = codec.decode(query.data);
    if (!action) {
      await ctx.answerCbQuery('This button has expired. Please ask again.').catch(() => undefined);
      return;
    }
    await ctx.answerCbQuery().catch(() => undefined);
    const chat = query.message?.chat ?? { id: query.from.id, type: 'private' as const };
    const thread =
      query.message && 'message_thread_id' in query.message
        ? query.message.message_thread_id
        : undefined;
    const conversation: Conversation = {
      chat,
      ...(thread ? { threadId: String(thread) } : {}),
      user: { id: query.from.id, name: query.from.username ?? query.from.first_name },
      asChat: false,
      eventId: `tg:cb:${query.id}`,
    };
    const cached =
      action.type === 'page' ? answers.get(String(chat.id), action.commandLine) : undefined;
    const { reply, ok } = cached
      ? { reply: cached, ok: true }
      : await answer(ctx.telegram, conversation, action.commandLine);
    // A refusal (rate limit, vanished topic) arrives as a new message, leaving the page intact.
    if (action.type === 'run' || !ok) {
      await deliver(ctx.telegram, conversation, reply, action.commandLine);
      return;
    }
    const paged = pageReply(reply, action.page);
    const rendered = renderTelegram(paged.paged, { whole: reply });
    const keyboard = buildKeyboard(
      codec,
      { page: paged.page, pages: paged.pages, commandLine: action.commandLine },
      paged.paged.actions,
    );
    const only = rendered.length === 1 ? rendered[0] : undefined;
    if (query.message && only?.kind === 'text') {
      const messageId = query.message.message_id;
      await queue
        .send(String(chat.id), () =>
          ctx.telegram.editMessageText(chat.id, messageId, undefined, only.html, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: only.disablePreview },
            ...(keyboard ? { reply_markup: keyboard } : {}),
          }),
        )
        .catch((error: unknown) => {
          // Pressing the page already shown changes nothing; Telegram says so with a 400.
          if (!String((error as Error).message).includes('message is not modified')) throw error;
        });
      return;
    }
    await sendRendered(ctx.telegram, queue, target(conversation), rendered, keyboard);
  });

  bot.catch((error, ctx: Context) => {
    logger.error({ err: error, update: ctx.update.update_id }, 'telegram update failed');
  });
}
