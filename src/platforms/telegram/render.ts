import {
  quoteCitations,
  quoteDate,
  type Block,
  type Reply,
  type SourceRef,
} from '../../core/reply.ts';
import { withoutInvisible } from '../../core/untrusted-text.ts';
import { plural } from '../../core/plural.ts';

/** Telegram's limit on `sendMessage.text`, counted after entity parsing (visible characters). */
export const MESSAGE_LIMIT = 4096;
/** Telegram's limit on a photo caption, counted the same way. */
export const CAPTION_LIMIT = 1024;

/** One Bot API call's worth of a reply: an HTML text message or a photo with a caption. */
export type TelegramMessage =
  | { kind: 'text'; html: string; disablePreview: boolean }
  | { kind: 'photo'; png: Uint8Array; caption: string };

/** A run of text with one style. Text is raw here; escaping happens when markup is added. */
interface Span {
  text: string;
  style?: 'b' | 'i';
  href?: string;
}

/**
 * The unit of splitting: a paragraph never straddles two messages unless it alone is too long,
 * and then it is cut between words *before* markup is added, so no tag is ever cut in half.
 */
interface Paragraph {
  spans: Span[];
  quote?: boolean;
  /** Separator before it: a line break inside a block, a blank line between blocks. */
  gap: '\n' | '\n\n';
}

/**
 * Escapes text for Telegram HTML (only `<`, `>` and `&` are special there), without the
 * invisible characters that would reorder or disguise it.
 */
export function escapeHtml(text: string): string {
  return withoutInvisible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (double-quoted), which additionally must not hold `"`. */
function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/** Only web links become anchors; anything else (javascript:, tg:, junk) stays plain text. */
function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(withoutInvisible(url));
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const visibleLength = (paragraph: Paragraph) =>
  paragraph.spans.reduce((total, span) => total + span.text.length, 0);

function spanHtml(span: Span): string {
  let html = escapeHtml(span.text);
  if (span.style) html = `<${span.style}>${html}</${span.style}>`;
  if (span.href) html = `<a href="${escapeAttribute(span.href)}">${html}</a>`;
  return html;
}

function paragraphHtml(paragraph: Paragraph): string {
  const inner = paragraph.spans.map(spanHtml).join('');
  return paragraph.quote ? `<blockquote>${inner}</blockquote>` : inner;
}

/** Where to cut `text` so at most `budget` characters stay in front: after a late space if any. */
function cutPoint(text: string, budget: number): number {
  if (text.length <= budget) return text.length;
  const space = text.lastIndexOf(' ', budget);
  if (space > budget / 2) return space + 1;
  // No space late enough to keep most of the room: cut hard, but never inside a surrogate pair.
  const code = text.charCodeAt(budget - 1);
  return code >= 0xd800 && code <= 0xdbff ? budget - 1 : budget;
}

/** Cuts a paragraph longer than `limit` into paragraphs that each fit, keeping styles. */
function splitParagraph(paragraph: Paragraph, limit: number): Paragraph[] {
  if (visibleLength(paragraph) <= limit) return [paragraph];
  const pieces: Paragraph[] = [];
  let current: Span[] = [];
  let used = 0;
  const flush = () => {
    if (current.length > 0) {
      pieces.push({
        ...paragraph,
        spans: current,
        gap: pieces.length === 0 ? paragraph.gap : '\n',
      });
    }
    current = [];
    used = 0;
  };
  for (const span of paragraph.spans) {
    let rest = span.text;
    while (rest.length > 0) {
      const room = limit - used;
      if (rest.length <= room) {
        current.push({ ...span, text: rest });
        used += rest.length;
        break;
      }
      const at = cutPoint(rest, room);
      // Only an empty piece cuts inside a word; otherwise the word starts the next piece.
      if (used > 0 && (at === 0 || rest[at - 1] !== ' ')) {
        flush();
        continue;
      }
      const piece = rest.slice(0, at).trimEnd();
      if (piece) current.push({ ...span, text: piece });
      rest = rest.slice(at);
      flush();
    }
  }
  flush();
  return pieces;
}

const citationSpans = (citations: readonly number[] | undefined, sources: Map<number, string>) =>
  (citations ?? []).map((n): Span => {
    const href = sources.get(n);
    return href ? { text: `[${n}]`, href } : { text: `[${n}]` };
  });

function withCitations(text: string, citations: Span[]): Span[] {
  return citations.length === 0 ? [{ text }] : [{ text: `${text} ` }, ...citations];
}

function sourceLine(source: SourceRef): Span[] {
  const href = safeHref(source.url);
  const more =
    source.outlets && source.outlets > 1 ? ` (+${plural(source.outlets - 1, 'outlet')})` : '';
  return [
    { text: `[${source.n}] ` },
    href ? { text: source.title, href } : { text: source.title },
    { text: ` — ${source.outlet}${more}, ${source.published.slice(0, 10)}` },
  ];
}

const NOTICE_MARK = { info: 'ℹ️ ', warning: '⚠️ ', error: '⛔ ' } as const;

/** A text block as paragraphs; images are handled by the caller. */
function blockParagraphs(
  block: Exclude<Block, { type: 'image' }>,
  sources: Map<number, string>,
): Paragraph[] {
  const lines = (spanLines: Span[][]): Paragraph[] =>
    spanLines.map((spans, index) => ({ spans, gap: index === 0 ? '\n\n' : '\n' }));
  switch (block.type) {
    case 'heading':
      return lines([[{ text: block.text, style: 'b' }]]);
    case 'text':
      return lines([withCitations(block.text, citationSpans(block.citations, sources))]);
    case 'list':
      return lines(
        block.items.map((item) => [
          { text: `${item.marker ?? '•'} ` },
          ...withCitations(item.text, citationSpans(item.citations, sources)),
        ]),
      );
    case 'quote': {
      const meta = [block.speaker, quoteDate(block.date)].filter(Boolean).join(', ');
      const attribution: Span[] = [{ text: `— ${meta}`, style: 'i' }];
      if (block.citation !== undefined) {
        attribution.push({ text: ' ' }, ...citationSpans(quoteCitations(block), sources));
      }
      return [
        { spans: [{ text: block.text }], quote: true, gap: '\n\n' },
        { spans: attribution, gap: '\n' },
      ];
    }
    case 'person':
      return lines([
        [{ text: block.name, style: 'b' }],
        ...(block.roles.length > 0
          ? [[{ text: block.roles.join('; '), style: 'i' as const }]]
          : []),
        ...(block.detail ? [[{ text: block.detail }]] : []),
      ]);
    case 'fields':
      return lines(
        block.fields.map((field) => [
          { text: `${field.name}:`, style: 'b' as const },
          { text: ` ${field.value}` },
        ]),
      );
    case 'sources':
      return lines([[{ text: 'Sources', style: 'b' }], ...block.items.map(sourceLine)]);
    case 'notice':
      return lines([[{ text: `${NOTICE_MARK[block.level]}${block.text}` }]]);
  }
}

/** The link of every numbered source, so citations `[n]` can point at their article. */
function sourceLinks(reply: Reply): Map<number, string> {
  const links = new Map<number, string>();
  for (const block of reply.blocks) {
    if (block.type !== 'sources') continue;
    for (const source of block.items) {
      const href = safeHref(source.url);
      if (href) links.set(source.n, href);
    }
  }
  return links;
}

/** Link previews help a single-source answer and clutter one that cites several. */
function previewsOff(reply: Reply): boolean {
  const urls = new Set<string>();
  for (const block of reply.blocks) {
    if (block.type === 'sources') for (const s of block.items) if (s.url) urls.add(s.url);
  }
  return urls.size > 1;
}

/** Packs paragraphs greedily into messages of at most `limit` visible characters. */
function pack(paragraphs: Paragraph[], limit: number): string[] {
  const messages: string[] = [];
  let html = '';
  let used = 0;
  for (const paragraph of paragraphs.flatMap((p) => splitParagraph(p, limit))) {
    const length = visibleLength(paragraph);
    if (used > 0 && used + paragraph.gap.length + length > limit) {
      messages.push(html);
      html = '';
      used = 0;
    }
    if (used > 0) {
      html += paragraph.gap;
      used += paragraph.gap.length;
    }
    html += paragraphHtml(paragraph);
    used += length;
  }
  if (used > 0) messages.push(html);
  return messages;
}

/** Cuts plain text to `limit` characters between words, marking the cut with an ellipsis. */
function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, cutPoint(text, limit - 1)).trimEnd()}…`;
}

/**
 * Renders a reply as Telegram messages: HTML parse mode with every piece of article text
 * escaped, each message at most 4096 visible characters, split between paragraphs (or between
 * words inside an oversized paragraph) so markup is never cut, and images as photos whose
 * caption is the image's alt text. `whole` is the full reply when `reply` is one page of it.
 * Pure: the adapter and the notifier send what it returns.
 */
export function renderTelegram(
  reply: Reply,
  options: { limit?: number; whole?: Reply } = {},
): TelegramMessage[] {
  const limit = options.limit ?? MESSAGE_LIMIT;
  // A page of a longer reply still links its citations and sets previews by the whole reply.
  const sources = sourceLinks(options.whole ?? reply);
  const disablePreview = previewsOff(options.whole ?? reply);
  const messages: TelegramMessage[] = [];
  let pending: Paragraph[] = [];
  const flush = () => {
    for (const html of pack(pending, limit)) messages.push({ kind: 'text', html, disablePreview });
    pending = [];
  };
  for (const block of reply.blocks) {
    if (block.type === 'image') {
      flush();
      messages.push({
        kind: 'photo',
        png: block.png,
        caption: escapeHtml(truncate(block.alt, CAPTION_LIMIT)),
      });
      continue;
    }
    pending.push(...blockParagraphs(block, sources));
  }
  flush();
  if (messages.length === 0) {
    messages.push({ kind: 'text', html: escapeHtml('(no answer)'), disablePreview });
  }
  return messages;
}
