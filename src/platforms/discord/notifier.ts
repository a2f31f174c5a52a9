import { createHash } from 'node:crypto';
import {
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  RESTJSONErrorCodes,
  Routes,
  type REST,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';
import { DeliveryError, type Notifier, type OutgoingMessage } from '../../alerts/notifier.ts';
import type { Logger } from '../../core/logger.ts';
import type { Reply } from '../../core/reply.ts';
import { renderDiscord, type DiscordMessage } from './render.ts';

/** Why a Discord call failed, in the outbox's terms (see `DeliveryError`). */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof RateLimitError) {
    return new DeliveryError('rate-limited', `rate limited on ${error.route}`, error.retryAfter);
  }
  if (error instanceof DiscordAPIError) {
    const reason = `${error.message} (Discord ${error.code}, HTTP ${error.status})`;
    if (
      error.code === RESTJSONErrorCodes.MissingAccess ||
      error.code === RESTJSONErrorCodes.MissingPermissions ||
      error.status === 403
    ) {
      return new DeliveryError('forbidden', reason);
    }
    if (error.code === RESTJSONErrorCodes.UnknownChannel || error.status === 404) {
      return new DeliveryError('gone', reason);
    }
    if (error.status === 429) return new DeliveryError('rate-limited', reason);
    return new DeliveryError('transient', reason);
  }
  if (error instanceof HTTPError) {
    return new DeliveryError('transient', `${error.message} (HTTP ${error.status})`);
  }
  return new DeliveryError('transient', error instanceof Error ? error.message : String(error));
}

function codeOf(error: unknown): number | string | null {
  return error instanceof DiscordAPIError ? error.code : null;
}

/** Codes that mean "no thread here": no right to create one, or a channel type without threads. */
const NO_THREADS = new Set<number | string>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType,
]);

function threadName(reply: Reply): string {
  const heading = reply.blocks.find((block) => block.type === 'heading');
  const name = (heading?.type === 'heading' ? heading.text : 'sitrep alert').trim();
  return name.length > 100 ? `${name.slice(0, 99)}…` : name || 'sitrep alert';
}

/**
 * Posts alerts to Discord channels through the client's REST queue (which waits out 429s and
 * retries). A follow-up on a story goes into a thread started on the story's first alert; where
 * the bot may not create threads it becomes a reply to that alert instead. Failures become
 * `DeliveryError`s: Missing Access or Missing Permissions is `forbidden`, a deleted channel
 * `gone`, so the outbox can record the reason and pause the subscription.
 */
/** A message nonce (at most 25 characters) derived from the delivery and the part's index. */
function nonceOf(deliveryId: string, index: number): string {
  return createHash('sha256').update(`${deliveryId}:${index}`).digest('hex').slice(0, 25);
}

export function createDiscordNotifier(rest: REST, logger: Logger): Notifier {
  /** First-alert message id -> thread id, for threads this process made or found. */
  const threads = new Map<string, string>();
  /** Channels where creating a thread was refused: go straight to replies. */
  const noThreads = new Set<string>();

  async function post(
    channelId: string,
    message: DiscordMessage,
    nonce: string,
    replyTo?: string,
  ): Promise<string> {
    const body: RESTPostAPIChannelMessageJSONBody = {
      nonce,
      enforce_nonce: true,
      embeds: message.embeds,
      components: message.components,
      allowed_mentions: { parse: [] },
      ...(message.files.length > 0
        ? { attachments: message.files.map((file, id) => ({ id, filename: file.name })) }
        : {}),
      ...(replyTo ? { message_reference: { message_id: replyTo, fail_if_not_exists: false } } : {}),
    };
    const files = message.files.map((file) => ({ name: file.name, data: Buffer.from(file.data) }));
    const sent = (await rest.post(Routes.channelMessages(channelId), {
      body,
      ...(files.length > 0 ? { files } : {}),
    })) as { id: string };
    return sent.id;
  }

  /** Where a follow-up goes: the story's thread when one exists or can be made, else a reply. */
  async function followUpTarget(
    channelId: string,
    replyTo: string,
    reply: Reply,
  ): Promise<{ channelId: string; replyTo?: string }> {
    const known = threads.get(replyTo);
    if (known) return { channelId: known };
    if (!noThreads.has(channelId)) {
      try {
        const thread = (await rest.post(Routes.threads(channelId, replyTo), {
          body: { name: threadName(reply), auto_archive_duration: 1440 },
        })) as { id: string };
        threads.set(replyTo, thread.id);
        return { channelId: thread.id };
      } catch (error) {
        const code = codeOf(error);
        if (code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) {
          // A thread started on a message shares the message's id.
          threads.set(replyTo, replyTo);
          return { channelId: replyTo };
        }
        if (code === RESTJSONErrorCodes.UnknownMessage) return { channelId };
        if (code === null || !NO_THREADS.has(code)) throw error;
        noThreads.add(channelId);
        logger.info({ channelId, code }, 'no threads allowed here; follow-ups become replies');
      }
    }
    return { channelId, replyTo };
  }

  return {
    platform: 'discord',
    // Discord drops a second message with the same enforced nonce (for a few minutes), so a
    // delivery resent after a crash mid-send does not appear twice.
    idempotent: true,
    async send(message: OutgoingMessage) {
      const messages = renderDiscord(message.reply);
      try {
        let target: { channelId: string; replyTo?: string } = {
          channelId: message.to.threadId ?? message.to.channelId,
        };
        if (message.replyTo && !message.to.threadId) {
          target = await followUpTarget(message.to.channelId, message.replyTo, message.reply);
        }
        let firstId: string | null = null;
        for (const [index, part] of messages.entries()) {
          const nonce = nonceOf(message.deliveryId, index);
          const id = await post(
            target.channelId,
            part,
            nonce,
            index === 0 ? target.replyTo : undefined,
          );
          firstId ??= id;
        }
        return { messageId: firstId! };
      } catch (error) {
        const failure = toDeliveryError(error);
        logger.warn(
          { deliveryId: message.deliveryId, channelId: message.to.channelId, kind: failure.kind },
          `alert not delivered: ${failure.message}`,
        );
        throw failure;
      }
    },
  };
}
