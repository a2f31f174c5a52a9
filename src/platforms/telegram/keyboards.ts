import { randomBytes } from 'node:crypto';
import NodeCache from 'node-cache';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { ReplyAction } from '../../core/reply.ts';

/** Telegram's limit on `callback_data`, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

/** What a button press asks for: another page of a command's answer, or another command. */
export type ButtonAction =
  { type: 'page'; page: number; commandLine: string } | { type: 'run'; commandLine: string };

/**
 * Encodes button actions in `callback_data`. Short command lines travel inside the data, so those
 * buttons keep working after a restart; a line too long for 64 bytes is parked in a cache under
 * a random key (such a button expires with the cache, and the user is told to ask again).
 */
export class ButtonCodec {
  private readonly parked = new NodeCache({ stdTTL: 24 * 3600, checkperiod: 600, maxKeys: 10_000 });

  encode(action: ButtonAction): string {
    const prefix = action.type === 'page' ? `p${action.page}` : 'r';
    const inline = `${prefix}|${action.commandLine}`;
    if (Buffer.byteLength(inline, 'utf8') <= CALLBACK_DATA_LIMIT) return inline;
    const key = randomBytes(9).toString('base64url');
    try {
      this.parked.set(key, action.commandLine);
    } catch {
      // The cache is full: drop the oldest half rather than refuse to draw buttons.
      for (const old of this.parked.keys().slice(0, 5_000)) this.parked.del(old);
      this.parked.set(key, action.commandLine);
    }
    return `${prefix}#${key}`;
  }

  /** The action a button carries, or null when it is malformed or its parked line expired. */
  decode(data: string): ButtonAction | null {
    const match = /^(r|p(\d{1,4}))([|#])(.+)$/s.exec(data);
    if (!match) return null;
    const commandLine = match[3] === '|' ? match[4]! : this.parked.get<string>(match[4]!);
    if (commandLine === undefined) return null;
    return match[2] === undefined
      ? { type: 'run', commandLine }
      : { type: 'page', page: Number(match[2]), commandLine };
  }

  close(): void {
    this.parked.close();
  }
}

/**
 * The inline keyboard under an answer: `◀ 2/5 ▶` when it has pages, then one button per
 * follow-up action of the reply. Returns undefined when there is nothing to press.
 */
export function buildKeyboard(
  codec: ButtonCodec,
  paging: { page: number; pages: number; commandLine: string },
  actions: readonly ReplyAction[] = [],
): InlineKeyboardMarkup | undefined {
  const rows: InlineKeyboardButton[][] = [];
  const { page, pages, commandLine } = paging;
  if (pages > 1) {
    const row: InlineKeyboardButton[] = [];
    if (page > 1) {
      row.push({
        text: '◀',
        callback_data: codec.encode({ type: 'page', page: page - 1, commandLine }),
      });
    }
    row.push({
      text: `${page}/${pages}`,
      callback_data: codec.encode({ type: 'page', page, commandLine }),
    });
    if (page < pages) {
      row.push({
        text: '▶',
        callback_data: codec.encode({ type: 'page', page: page + 1, commandLine }),
      });
    }
    rows.push(row);
  }
  for (const action of actions) {
    rows.push([
      {
        text: action.label.slice(0, 64),
        callback_data: codec.encode({ type: 'run', commandLine: action.commandLine }),
      },
    ]);
  }
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}
