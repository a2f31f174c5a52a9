import type { Telegram } from 'telegraf';
import type { Notifier, OutgoingMessage } from '../../alerts/notifier.ts';
import { renderTelegram } from './render.ts';
import { sendRendered } from './send.ts';
import type { SendQueue } from './send-queue.ts';
import { toDeliveryError } from './telegram-errors.ts';

/**
 * The alerts port on Telegram: posts alerts and digests to a chat, group or channel (in a forum
 * topic when the address names one), follow-ups as replies to the story's first alert. Sends go
 * through the bot's queue; a failure rejects with a `DeliveryError` whose kind tells the outbox
 * to wait (429), retry later, or pause the subscription (blocked, chat gone, rights lost).
 */
export function createTelegramNotifier(telegram: Telegram, queue: SendQueue): Notifier {
  return {
    platform: 'telegram',
    async send(message: OutgoingMessage) {
      try {
        const ids = await sendRendered(
          telegram,
          queue,
          {
            chatId: message.to.channelId,
            ...(message.to.threadId ? { threadId: message.to.threadId } : {}),
            ...(message.replyTo ? { replyTo: message.replyTo } : {}),
          },
          renderTelegram(message.reply),
        );
        return { messageId: String(ids[0]) };
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
  };
}
