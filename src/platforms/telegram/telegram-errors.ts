import { TelegramError } from 'telegraf';
import { DeliveryError } from '../../alerts/notifier.ts';

/** The wait a 429 asks for, in milliseconds; undefined for every other failure. */
export function retryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof TelegramError) || error.code !== 429) return undefined;
  const seconds = error.parameters?.retry_after;
  return typeof seconds === 'number' && seconds >= 0 ? seconds * 1000 : 1000;
}

/** Descriptions after which the bot can no longer post in the chat until someone acts. */
const FORBIDDEN = [
  'bot was blocked by the user',
  'bot was kicked',
  'bot is not a member',
  'not enough rights',
  'need administrator rights',
  'have no rights to send',
  'chat_write_forbidden',
  'user is deactivated',
];
/** Descriptions meaning the chat or topic no longer exists (or never did). */
const GONE = [
  'chat not found',
  'message thread not found',
  'topic_deleted',
  'topic_closed',
  'group chat was upgraded',
];

/**
 * Translates a Bot API failure into the alerts port's vocabulary, so the outbox knows whether to
 * wait, retry later, or mark the delivery failed and pause the subscription. The reason keeps
 * Telegram's own description, which names what went wrong ("bot was blocked by the user").
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (!(error instanceof TelegramError)) {
    return new DeliveryError('transient', error instanceof Error ? error.message : String(error));
  }
  const description = error.description.toLowerCase();
  const reason = `telegram ${error.code}: ${error.description}`;
  if (error.code === 429) return new DeliveryError('rate-limited', reason, retryAfterMs(error));
  if (GONE.some((phrase) => description.includes(phrase))) return new DeliveryError('gone', reason);
  if (error.code === 403 || FORBIDDEN.some((phrase) => description.includes(phrase))) {
    return new DeliveryError('forbidden', reason);
  }
  return new DeliveryError('transient', reason);
}
