import type { Reply } from '../core/reply.ts';
import type { Platform } from '../core/invocation.ts';

/** Where an alert goes: a Discord channel (or thread), a Telegram chat (or forum topic), the console. */
export interface ChannelAddress {
  platform: Platform;
  channelId: string;
  /** Discord thread or Telegram forum topic, when the subscription targets one. */
  threadId?: string;
}

/** One message to deliver. `replyTo` is the platform id of the first alert of the same story. */
export interface OutgoingMessage {
  /** Idempotency key: the outbox never sends two messages with the same key to one channel. */
  deliveryId: string;
  to: ChannelAddress;
  reply: Reply;
  replyTo?: string;
}

/**
 * Why a send failed, so the outbox knows what to do: wait (`rate-limited`), try again later
 * (`transient`), or stop and pause the subscription (`gone`, `forbidden`).
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    readonly kind: 'rate-limited' | 'transient' | 'gone' | 'forbidden',
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * The alerts port: one implementation per platform (`src/platforms/<name>/notifier.ts`).
 * `send` resolves with the platform's message id, or rejects with a `DeliveryError`.
 */
export interface Notifier {
  readonly platform: Platform;
  /**
   * True when sending the same `deliveryId` twice delivers one message (Discord: the id as a
   * message `nonce` with `enforce_nonce`). The send queue resends deliveries left "in doubt" by
   * a crash; with an idempotent notifier that makes them exactly-once, otherwise at-least-once.
   */
  readonly idempotent?: boolean;
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
}
