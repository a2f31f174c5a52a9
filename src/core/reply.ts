/**
 * The platform-neutral answer of a command. Commands describe *what* to say as semantic
 * blocks; each platform's renderer decides *how* (markup, escaping, splitting, limits), so no
 * command ever knows about Discord embeds or Telegram HTML.
 */

/** A numbered source that citations (`[1]`) point at. */
export interface SourceRef {
  n: number;
  title: string;
  outlet: string;
  url: string | null;
  /** ISO 8601 timestamp. */
  published: string;
  /** How many outlets carried this story (syndicated copies folded into one source). */
  outlets?: number;
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'text'; text: string; citations?: number[] }
  | { type: 'list'; items: { text: string; citations?: number[]; marker?: string }[] }
  | {
      type: 'quote';
      text: string;
      speaker: string;
      citation?: number;
      /** Further sources that reported the same statement (a recap, a syndicated copy). */
      alsoCited?: number[];
      /** When it was said: an ISO timestamp or day, or a label such as "week of 2023-09-25". */
      date?: string;
    }
  | { type: 'person'; name: string; roles: string[]; detail?: string }
  | { type: 'fields'; fields: { name: string; value: string }[] }
  | { type: 'sources'; items: SourceRef[] }
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; text: string }
  | { type: 'image'; png: Uint8Array; alt: string; fallback: string };

/** A quote's date as shown: the day of a timestamp, a label as it is. */
export function quoteDate(date: string | undefined): string | undefined {
  return date && /^\d{4}-\d{2}-\d{2}T/.test(date) ? date.slice(0, 10) : date;
}

/** Every source a quote cites, the first one first. */
export function quoteCitations(block: { citation?: number; alsoCited?: number[] }): number[] {
  return block.citation === undefined ? [] : [block.citation, ...(block.alsoCited ?? [])];
}

/**
 * A follow-up the user may trigger, such as "more statements". `invocation` is a full
 * command line so that platforms can encode it in a button id that survives restarts.
 */
export interface ReplyAction {
  label: string;
  commandLine: string;
}

export interface Reply {
  blocks: Block[];
  actions?: ReplyAction[];
  /** Only the invoker should see it (errors, personal answers). */
  ephemeral?: boolean;
  /** Escalation level 0-5 when the reply is about a topic; renderers may colour by it. */
  level?: number | null;
  /** ISO timestamp the answer reflects ("as of"). */
  asOf?: string;
}

/** Builds a reply holding one notice: the common shape of errors and empty answers. */
export function noticeReply(
  level: 'info' | 'warning' | 'error',
  text: string,
  ephemeral = false,
): Reply {
  return { blocks: [{ type: 'notice', level, text }], ephemeral };
}
