/**
 * Outgoing-message pacing for Telegram's flood limits (Bots FAQ): about one message per second
 * in a chat, twenty a minute in a group, thirty a second overall, and after a 429 nothing to
 * that chat until its `retry_after` has passed. telegraf does not retry 429s, so every send of
 * the bot (answers and alerts alike) goes through one queue.
 */

/** Time as the queue sees it; tests pass a virtual timer so that no test sleeps on wall time. */
export interface Timer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemTimer: Timer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface SendLimits {
  perChatIntervalMs: number;
  perGroupPerMinute: number;
  globalPerSecond: number;
}

export const TELEGRAM_LIMITS: SendLimits = {
  perChatIntervalMs: 1000,
  perGroupPerMinute: 20,
  globalPerSecond: 30,
};

/** The bookkeeping the pacing decision reads; kept apart so the rule can be tested on its own. */
export interface PacingState {
  lastByChat: Map<string, number>;
  groupSends: Map<string, number[]>;
  globalSends: number[];
  blockedUntil: Map<string, number>;
}

export function createPacingState(): PacingState {
  return { lastByChat: new Map(), groupSends: new Map(), globalSends: [], blockedUntil: new Map() };
}

/** Negative ids are groups, supergroups and channels; positive ones are private chats. */
export const isGroupChat = (chatId: string) => chatId.startsWith('-');

/** The earliest time a window of `limit` sends per `spanMs` admits one more, given past sends. */
function windowSlot(sends: readonly number[], limit: number, spanMs: number, at: number): number {
  const recent = sends.filter((time) => time > at - spanMs);
  return recent.length < limit ? at : recent[recent.length - limit]! + spanMs;
}

/**
 * Reserves the earliest send time for `chatId` at or after `now` and records it, so concurrent
 * senders never take the same slot. Pure apart from updating `state`.
 */
export function reserveSlot(
  state: PacingState,
  chatId: string,
  now: number,
  limits: SendLimits = TELEGRAM_LIMITS,
): number {
  let at = Math.max(now, state.blockedUntil.get(chatId) ?? now);
  const last = state.lastByChat.get(chatId);
  if (last !== undefined) at = Math.max(at, last + limits.perChatIntervalMs);
  const group = isGroupChat(chatId) ? (state.groupSends.get(chatId) ?? []) : null;
  // Each window may push the time past another's; repeat until all three agree.
  for (;;) {
    let next = windowSlot(state.globalSends, limits.globalPerSecond, 1000, at);
    if (group) next = Math.max(next, windowSlot(group, limits.perGroupPerMinute, 60_000, next));
    if (next === at) break;
    at = next;
  }
  state.lastByChat.set(chatId, at);
  state.globalSends = [...state.globalSends.filter((time) => time > now - 1000), at].sort(
    (a, b) => a - b,
  );
  if (group) {
    state.groupSends.set(
      chatId,
      [...group.filter((time) => time > now - 60_000), at].sort((a, b) => a - b),
    );
  }
  return at;
}

/** How long a failed send asks us to wait (a 429's `retry_after`), or undefined for other errors. */
export type RetryAfter = (error: unknown) => number | undefined;

export interface SendQueueOptions {
  timer?: Timer;
  limits?: SendLimits;
  retryAfterMs: RetryAfter;
  /** Resends after a 429 before the error is passed on. */
  maxRetries?: number;
}

export interface SendQueue {
  /** Runs `send` when `chatId`'s pacing allows; resends after a 429 once `retry_after` passed. */
  send<T>(chatId: string, send: () => Promise<T>): Promise<T>;
}

export function createSendQueue(options: SendQueueOptions): SendQueue {
  const timer = options.timer ?? systemTimer;
  const limits = options.limits ?? TELEGRAM_LIMITS;
  const maxRetries = options.maxRetries ?? 2;
  const state = createPacingState();
  // Sends to one chat run one after another, so replies arrive in order.
  const tails = new Map<string, Promise<unknown>>();

  async function attempt<T>(chatId: string, send: () => Promise<T>): Promise<T> {
    for (let retries = 0; ; retries++) {
      const at = reserveSlot(state, chatId, timer.now(), limits);
      const wait = at - timer.now();
      if (wait > 0) await timer.sleep(wait);
      try {
        return await send();
      } catch (error) {
        const retryAfter = options.retryAfterMs(error);
        if (retryAfter === undefined || retries >= maxRetries) throw error;
        state.blockedUntil.set(chatId, timer.now() + retryAfter);
      }
    }
  }

  return {
    send(chatId, send) {
      const previous = tails.get(chatId) ?? Promise.resolve();
      const result = previous.then(
        () => attempt(chatId, send),
        () => attempt(chatId, send),
      );
      const tail = result.catch(() => undefined);
      tails.set(chatId, tail);
      void tail.then(() => {
        if (tails.get(chatId) === tail) tails.delete(chatId);
      });
      return result;
    },
  };
}
