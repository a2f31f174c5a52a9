import {
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import {
  quoteCitations,
  quoteDate,
  type Block,
  type Reply,
  type SourceRef,
} from '../../core/reply.ts';
import { withoutInvisible } from '../../core/untrusted-text.ts';
import { encodeCustomId } from './buttons.ts';
import { plural } from '../../core/plural.ts';

/** Discord's message and embed limits (discord-api-docs, "Embed Limits"). */
export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedsPerMessage: 10,
  /** Characters of every title, description, field and footer of one message together. */
  messageTotal: 6000,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
} as const;

/** A PNG sent with a message, referenced from an embed as `attachment://<name>`. */
export interface DiscordFile {
  name: string;
  data: Uint8Array;
}

/** One message ready for discord.js: `reply`, `editReply`, `followUp` or a channel send. */
export interface DiscordMessage {
  embeds: APIEmbed[];
  files: DiscordFile[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
}

// Characters after which Discord would read a mention; a zero-width space breaks the token.
const ZWSP = '\u200b';
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Article text made inert for Discord: markdown escaped (masked links, headings and lists too)
 * and mentions broken with a zero-width space. `allowedMentions` already stops pings; this
 * also stops `@everyone` or `<@&123>` from *looking* like a mention to readers.
 */
export function escapeText(text: string): string {
  // discord.js's italic pass is quadratic on long text (about 24 ms for 2 KB); escaping every
  // `*` and `_` not already escaped does the same job in linear time.
  const escaped = escapeMarkdown(withoutInvisible(text).replace(CONTROL_CHARACTER, ''), {
    italic: false,
    maskedLink: true,
    heading: true,
    bulletedList: true,
    numberedList: true,
  }).replace(/(\\*)([*_])/g, (match, slashes: string, mark: string) =>
    slashes.length % 2 === 0 ? `${slashes}\\${mark}` : match,
  );
  return escaped
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<(@[!&]?|#|\/)/g, `<${ZWSP}$1`);
}

/** Cuts text to `max` characters, ending with an ellipsis when something was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never leave a lone backslash that would escape the ellipsis.
  return `${text.slice(0, max - 1).replace(/\\+$/, '')}…`;
}

/**
 * The text of a masked link `[text](url)`: escaped like any text, and its brackets escaped too
 * (`escapeMarkdown` leaves `]` alone), so a title holding `](https://evil.example)` cannot close
 * the link early and point it elsewhere.
 */
function linkText(text: string): string {
  return escapeText(text).replace(/(\\*)([[\]])/g, (match, slashes: string, bracket: string) =>
    slashes.length % 2 === 0 ? `${slashes}\\${bracket}` : match,
  );
}

/**
 * A link target Discord will render: http(s) only, invisible characters removed, and every
 * character that could end the link (brackets, parentheses, angle brackets, backslash,
 * backtick, blanks) percent-encoded.
 */
function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(withoutInvisible(url));
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.href.replace(
      /[()[\]<>\\` ]/g,
      (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
  } catch {
    return null;
  }
}

/** Escalation 0 (calm) to 5 (open fighting with deaths): green through dark red. */
const LEVEL_COLOURS = [0x2ecc71, 0x9acd32, 0xf1c40f, 0xe67e22, 0xe74c3c, 0x8b0000] as const;
const NEUTRAL = 0x5865f2;
const NOTICE_COLOURS = { info: 0x95a5a6, warning: 0xf1c40f, error: 0xe74c3c } as const;
const NOTICE_ICONS = { info: 'ℹ️', warning: '⚠️', error: '❌' } as const;

/** The embed colour: escalation level when the reply has one, else the notice's severity. */
export function colourFor(reply: Reply): number {
  const level = reply.level;
  if (typeof level === 'number') {
    return LEVEL_COLOURS[Math.max(0, Math.min(5, Math.round(level)))]!;
  }
  const notice = reply.blocks.find((block) => block.type === 'notice');
  return notice ? NOTICE_COLOURS[notice.level] : NEUTRAL;
}

function citationLinks(citations: readonly number[] | undefined, urls: Map<number, string>) {
  if (!citations || citations.length === 0) return '';
  const links = citations.map((n) => {
    const url = urls.get(n);
    return url ? `[[${n}]](${url})` : `\\[${n}\\]`;
  });
  return ` ${links.join('')}`;
}

function sourceLine(source: SourceRef): string {
  const url = safeUrl(source.url);
  const title = linkText(truncate(source.title, 200));
  const more =
    source.outlets && source.outlets > 1 ? `, +${plural(source.outlets - 1, 'outlet')}` : '';
  const label = url ? `[${title}](${url})` : title;
  return `\`[${source.n}]\` ${label} (${escapeText(source.outlet)}${more}, ${source.published.slice(0, 10)})`;
}

/** What one block contributes: text for a description, embed fields, a title or an image. */
type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'title'; text: string }
  | { kind: 'fields'; fields: APIEmbedField[] }
  | { kind: 'image'; file: DiscordFile };

function piecesOf(block: Block, urls: Map<number, string>, imageIndex: () => number): Piece[] {
  switch (block.type) {
    case 'heading':
      return [{ kind: 'title', text: truncate(escapeText(block.text), LIMITS.title) }];
    case 'text':
      return [
        { kind: 'text', text: escapeText(block.text) + citationLinks(block.citations, urls) },
      ];
    case 'list':
      return [
        {
          kind: 'text',
          text: block.items
            .map(
              (item) =>
                `${item.marker ? escapeText(item.marker) : '•'} ${escapeText(item.text)}${citationLinks(item.citations, urls)}`,
            )
            .join('\n'),
        },
      ];
    case 'quote': {
      const meta = [escapeText(block.speaker), quoteDate(block.date)].filter(Boolean).join(', ');
      const cite = citationLinks(quoteCitations(block), urls);
      const body = escapeText(block.text)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
      return [{ kind: 'text', text: `${body}\n> — ${meta}${cite}` }];
    }
    case 'person': {
      const lines = [`**${escapeText(block.name)}**`];
      if (block.roles.length > 0) lines.push(escapeText(block.roles.join('; ')));
      if (block.detail) lines.push(`*${escapeText(block.detail)}*`);
      return [{ kind: 'text', text: lines.join('\n') }];
    }
    case 'fields':
      return [
        {
          kind: 'fields',
          fields: block.fields.map((field) => ({
            name: truncate(escapeText(field.name), LIMITS.fieldName) || '\u200b',
            value: truncate(escapeText(field.value), LIMITS.fieldValue) || '\u200b',
            inline: field.value.length <= 40,
          })),
        },
      ];
    case 'sources':
      return block.items.length === 0
        ? []
        : [{ kind: 'text', text: ['**Sources**', ...block.items.map(sourceLine)].join('\n') }];
    case 'notice':
      return [{ kind: 'text', text: `${NOTICE_ICONS[block.level]} ${escapeText(block.text)}` }];
    case 'image':
      return [{ kind: 'image', file: { name: `chart-${imageIndex()}.png`, data: block.png } }];
  }
}

/** Splits text into pieces of at most `max` characters, at line breaks, else at spaces. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut < max / 2) cut = max;
    // Do not split an escape sequence (`\*`) from the character it escapes.
    while (cut > 1 && rest[cut - 1] === '\\') cut--;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[ \n]+/, '');
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

/** The characters Discord counts towards the 6000 total of a message. */
export function embedSize(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Room left for the footer on the last embed. */
const FOOTER_RESERVE = 100;
/** The most one embed may hold so that it always fits in a message with its footer. */
const EMBED_BUDGET = LIMITS.messageTotal - FOOTER_RESERVE;

function buildEmbeds(
  pieces: Piece[],
  colour: number,
): { embeds: APIEmbed[]; files: DiscordFile[][] } {
  const embeds: APIEmbed[] = [];
  const files: DiscordFile[][] = [];
  const open = (title?: string): APIEmbed => {
    const embed: APIEmbed = { color: colour, ...(title ? { title } : {}) };
    embeds.push(embed);
    files.push([]);
    return embed;
  };
  const room = (embed: APIEmbed) => EMBED_BUDGET - embedSize(embed);
  const isEmpty = (embed: APIEmbed) =>
    !embed.title && !embed.description && !embed.fields && !embed.image;

  for (const piece of pieces) {
    const current = embeds.at(-1);
    switch (piece.kind) {
      case 'title':
        if (current && isEmpty(current)) current.title = piece.text;
        else open(piece.text);
        break;
      case 'image': {
        const embed = current && !current.image ? current : open();
        embed.image = { url: `attachment://${piece.file.name}` };
        files[embeds.indexOf(embed)]!.push(piece.file);
        break;
      }
      case 'fields':
        for (const field of piece.fields) {
          let embed = embeds.at(-1) ?? open();
          const size = field.name.length + field.value.length;
          if ((embed.fields?.length ?? 0) >= LIMITS.fields || size > room(embed)) embed = open();
          (embed.fields ??= []).push(field);
        }
        break;
      case 'text':
        for (const chunk of splitText(piece.text, LIMITS.description)) {
          const embed = embeds.at(-1) ?? open();
          const joined = embed.description ? `${embed.description}\n\n${chunk}` : chunk;
          const grows = joined.length - (embed.description?.length ?? 0);
          if (joined.length > LIMITS.description || grows > room(embed)) open().description = chunk;
          else embed.description = joined;
        }
        break;
    }
  }
  return { embeds, files };
}

function buttonRows(reply: Reply): DiscordMessage['components'] {
  const buttons: APIButtonComponentWithCustomId[] = [];
  for (const action of reply.actions ?? []) {
    const customId = encodeCustomId(action.commandLine);
    if (!customId) continue;
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: truncate(action.label, LIMITS.buttonLabel),
      custom_id: customId,
    });
  }
  const rows: DiscordMessage['components'] = [];
  for (let i = 0; i < buttons.length && rows.length < LIMITS.rows; i += LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + LIMITS.buttonsPerRow),
    });
  }
  return rows;
}

function footerText(asOf: string | undefined): string | null {
  if (!asOf) return null;
  const date = new Date(asOf);
  if (Number.isNaN(date.getTime())) return null;
  return `as of ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Renders a reply as Discord messages: embeds within every limit (4096 per description, 25
 * fields, 10 embeds and 6000 characters per message), citations as links to their sources,
 * colour by escalation level, "as of" in the footer, images as attached PNGs and actions as
 * buttons on the last message. Pure: the adapter and the notifier only send what it returns.
 */
export function renderDiscord(reply: Reply): DiscordMessage[] {
  const urls = new Map<number, string>();
  for (const block of reply.blocks) {
    if (block.type !== 'sources') continue;
    for (const source of block.items) {
      const url = safeUrl(source.url);
      if (url) urls.set(source.n, url);
    }
  }
  let images = 0;
  const pieces = reply.blocks.flatMap((block) => piecesOf(block, urls, () => ++images));
  const { embeds, files } = buildEmbeds(pieces, colourFor(reply));
  if (embeds.length === 0) embeds.push({ color: colourFor(reply), description: '\u200b' });
  files.length = Math.max(files.length, embeds.length);

  const footer = footerText(reply.asOf);
  const last = embeds.at(-1)!;
  if (footer) {
    last.footer = { text: footer };
    last.timestamp = new Date(reply.asOf!).toISOString();
  }

  const messages: DiscordMessage[] = [];
  let message: DiscordMessage | null = null;
  let total = 0;
  embeds.forEach((embed, index) => {
    const size = embedSize(embed);
    if (
      !message ||
      message.embeds.length >= LIMITS.embedsPerMessage ||
      total + size > LIMITS.messageTotal
    ) {
      message = { embeds: [], files: [], components: [] };
      messages.push(message);
      total = 0;
    }
    message.embeds.push(embed);
    message.files.push(...(files[index] ?? []));
    total += size;
  });
  messages.at(-1)!.components = buttonRows(reply);
  return messages;
}
