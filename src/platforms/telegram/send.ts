import type { Telegram } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { TelegramMessage } from './render.ts';
import type { SendQueue } from './send-queue.ts';

export interface SendTarget {
  chatId: string;
  /** Forum topic the messages belong in. */
  threadId?: string;
  /** Message the first part answers (a command, or the first alert of a story). */
  replyTo?: string;
}

/**
 * Sends rendered messages in order through the queue: the first part replies to `replyTo`,
 * the keyboard goes under the last text part (where the paged content ends). Resolves with the
 * sent message ids, in order.
 */
export async function sendRendered(
  telegram: Telegram,
  queue: SendQueue,
  target: SendTarget,
  messages: readonly TelegramMessage[],
  keyboard?: InlineKeyboardMarkup,
): Promise<number[]> {
  const ids: number[] = [];
  const lastText = messages.findLastIndex((message) => message.kind === 'text');
  for (const [index, message] of messages.entries()) {
    const common = {
      parse_mode: 'HTML' as const,
      ...(target.threadId ? { message_thread_id: Number(target.threadId) } : {}),
      ...(index === 0 && target.replyTo
        ? {
            reply_parameters: {
              message_id: Number(target.replyTo),
              allow_sending_without_reply: true,
            },
          }
        : {}),
      ...(index === lastText && keyboard ? { reply_markup: keyboard } : {}),
    };
    const sent =
      message.kind === 'text'
        ? await queue.send(target.chatId, () =>
            telegram.sendMessage(target.chatId, message.html, {
              ...common,
              link_preview_options: { is_disabled: message.disablePreview },
            }),
          )
        : await queue.send(target.chatId, () =>
            telegram.sendPhoto(
              target.chatId,
              { source: Buffer.from(message.png), filename: 'chart.png' },
              { ...common, caption: message.caption },
            ),
          );
    ids.push(sent.message_id);
  }
  return ids;
}
