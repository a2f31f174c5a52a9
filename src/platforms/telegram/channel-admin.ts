import type { Telegram } from 'telegraf';

export type ChannelCheck =
  { ok: true; chatId: string; title: string } | { ok: false; reason: string };

const ADMIN_STATUSES = new Set(['creator', 'administrator']);

/** A chat member's status, or null when Telegram will not say (not a member, no access). */
async function memberStatus(telegram: Telegram, chatId: number, userId: number) {
  try {
    return await telegram.getChatMember(chatId, userId);
  } catch {
    return null;
  }
}

/**
 * Decides whether a user, writing to the bot in private, may subscribe a channel: the channel
 * must exist, the user must administer it, and the bot must be an administrator allowed to post
 * there (otherwise every alert would fail). `channel` is `@username` or a numeric chat id;
 * `botId` saves a `getMe` call when the caller knows it. Reasons are written for the user.
 */
export async function checkChannelAdmin(
  telegram: Telegram,
  channel: string,
  userId: number,
  botId?: number,
): Promise<ChannelCheck> {
  let chat;
  try {
    chat = await telegram.getChat(channel);
  } catch {
    return {
      ok: false,
      reason: `I cannot see ${channel}. Add this bot to the channel as an administrator first.`,
    };
  }
  if (chat.type !== 'channel') {
    return {
      ok: false,
      reason: `${channel} is not a channel. In a group, send the command in the group itself.`,
    };
  }
  const user = await memberStatus(telegram, chat.id, userId);
  if (!user || !ADMIN_STATUSES.has(user.status)) {
    return { ok: false, reason: `Only administrators of ${channel} may do that.` };
  }
  const bot = await memberStatus(telegram, chat.id, botId ?? (await telegram.getMe()).id);
  const canPost = bot?.status === 'administrator' && bot.can_post_messages !== false;
  if (!canPost) {
    return {
      ok: false,
      reason: `Make this bot an administrator of ${channel} with the right to post messages.`,
    };
  }
  return { ok: true, chatId: String(chat.id), title: chat.title };
}

/** Whether a user administers a group or supergroup (creator, or administrator). */
export async function isChatAdmin(
  telegram: Telegram,
  chatId: number,
  userId: number,
): Promise<boolean> {
  const member = await memberStatus(telegram, chatId, userId);
  return member !== null && ADMIN_STATUSES.has(member.status);
}
