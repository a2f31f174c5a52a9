import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Reply, SourceRef } from '../../src/core/reply.ts';
import {
  escapeHtml,
  MESSAGE_LIMIT,
  renderTelegram,
  type TelegramMessage,
} from '../../src/platforms/telegram/render.ts';
import { checkTelegramHtml } from '../helpers/telegram-html.ts';

const texts = (messages: TelegramMessage[]) =>
  messages.flatMap((message) => (message.kind === 'text' ? [message.html] : []));

function expectValid(messages: TelegramMessage[]): string {
  let visible = '';
  for (const html of texts(messages)) {
    const check = checkTelegramHtml(html);
    expect(check.errors).toEqual([]);
    expect(check.text.length).toBeGreaterThan(0);
    expect(check.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    visible += `${check.text}\n\n`;
  }
  return visible;
}

const source = (n: number, extra: Partial<SourceRef> = {}): SourceRef => ({
  n,
  title: `Title ${n}`,
  outlet: 'Balkan Wire',
  url: `https://example.org/${n}?a=1&b=2`,
  published: '2023-09-30T10:00:00Z',
  ...extra,
});

describe('renderTelegram', () => {
  it('escapes the three characters Telegram HTML treats as markup', () => {
    expect(escapeHtml('<b> & </b>')).toBe('&lt;b&gt; &amp; &lt;/b&gt;');
  });

  it('GIVEN article text with <script>, & and unbalanced * THEN shows it literally', () => {
    const hostile = 'Officials said <script>alert(1)</script> & *bold _under [x](y)';
    const reply: Reply = {
      blocks: [
        { type: 'heading', text: 'Briefing: <Kosovo> & co' },
        { type: 'text', text: hostile, citations: [1] },
        { type: 'quote', text: '"We <will> respond" & *more', speaker: 'A & B', citation: 1 },
        {
          type: 'sources',
          items: [source(1, { title: '<script>x</script> & *', outlet: 'O"utlet' })],
        },
      ],
    };
    const messages = renderTelegram(reply);
    const visible = expectValid(messages);
    expect(visible).toContain(hostile);
    expect(visible).toContain('<script>x</script> & *');
    expect(visible).toContain('"We <will> respond" & *more');
    expect(texts(messages).join('')).not.toContain('<script>');
  });

  it('links sources and citations with escaped attributes, and keeps previews on for one source', () => {
    const reply: Reply = {
      blocks: [
        { type: 'text', text: 'Fact.', citations: [1] },
        { type: 'sources', items: [source(1)] },
      ],
    };
    const [message] = renderTelegram(reply);
    expect(message).toMatchObject({ kind: 'text', disablePreview: false });
    const html = (message as { html: string }).html;
    expect(html).toContain('<a href="https://example.org/1?a=1&amp;b=2">[1]</a>');
    expect(html).toContain('<a href="https://example.org/1?a=1&amp;b=2">Title 1</a>');
  });

  it('turns link previews off when a reply cites several sources', () => {
    const reply: Reply = { blocks: [{ type: 'sources', items: [source(1), source(2)] }] };
    expect(renderTelegram(reply)[0]).toMatchObject({ disablePreview: true });
  });

  it('never makes an anchor of a non-web link', () => {
    const reply: Reply = {
      blocks: [{ type: 'sources', items: [source(1, { url: 'javascript:alert(1)' })] }],
    };
    const html = texts(renderTelegram(reply)).join('');
    expect(html).not.toContain('<a ');
    expect(html).toContain('Title 1');
  });

  it('GIVEN a 10,000-character briefing THEN splits it into valid messages that keep every word', () => {
    const paragraphs = Array.from({ length: 40 }, (_, index) =>
      `Paragraph ${index} <${'x'.repeat(3)}> & `.padEnd(250, 'word '),
    );
    const reply: Reply = {
      blocks: [
        { type: 'heading', text: 'Long briefing' },
        ...paragraphs.map((text) => ({ type: 'text' as const, text, citations: [1] })),
        { type: 'sources', items: [source(1), source(2)] },
      ],
    };
    const total = paragraphs.join('').length;
    expect(total).toBeGreaterThanOrEqual(10_000);
    const messages = renderTelegram(reply);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    const visible = expectValid(messages);
    for (const paragraph of paragraphs) expect(visible).toContain(paragraph.trimEnd());
  });

  it('cuts one oversized paragraph between words without breaking its markup', () => {
    const words = Array.from({ length: 2000 }, (_, index) => `w${index}&`).join(' ');
    const reply: Reply = {
      blocks: [{ type: 'quote', text: words, speaker: 'Someone' }],
    };
    const messages = renderTelegram(reply);
    expect(messages.length).toBeGreaterThan(2);
    const visible = expectValid(messages);
    for (const word of ['w0&', 'w999&', 'w1999&']) expect(visible).toContain(word);
    for (const html of texts(messages)) expect(html).toMatch(/^<blockquote>|<i>/);
  });

  it('cuts a word longer than a message without splitting a surrogate pair', () => {
    const reply: Reply = { blocks: [{ type: 'text', text: '😀'.repeat(5000) }] };
    const messages = renderTelegram(reply);
    const visible = expectValid(messages).replace(/\s/g, '');
    expect(visible).toBe('😀'.repeat(5000));
  });

  it('sends an image as a photo with its alt text as an escaped caption', () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    const reply: Reply = {
      blocks: [
        { type: 'heading', text: 'Chart' },
        { type: 'image', png, alt: `Escalation <${'a'.repeat(2000)}`, fallback: 'text chart' },
        { type: 'text', text: 'After.' },
      ],
    };
    const messages = renderTelegram(reply);
    expect(messages.map((message) => message.kind)).toEqual(['text', 'photo', 'text']);
    const photo = messages[1] as Extract<TelegramMessage, { kind: 'photo' }>;
    expect(photo.png).toBe(png);
    const caption = checkTelegramHtml(photo.caption);
    expect(caption.errors).toEqual([]);
    expect(caption.text.length).toBeLessThanOrEqual(1024);
    expect(caption.text.startsWith('Escalation <')).toBe(true);
  });
});

describe('renderTelegram on arbitrary text', () => {
  const char = fc.constantFrom(
    'a',
    'b',
    'c',
    ' ',
    ' ',
    '<',
    '>',
    '&',
    '*',
    '_',
    '"',
    'é',
    '😀',
    '\n',
  );
  const text = fc.string({ unit: char, minLength: 1, maxLength: 1500 });
  const block = fc.oneof(
    text.map((t) => ({ type: 'text' as const, text: t, citations: [1] })),
    text.map((t) => ({ type: 'heading' as const, text: t })),
    text.map((t) => ({ type: 'quote' as const, text: t, speaker: 'S&P', citation: 1 })),
  );

  it('always gives valid messages within the limit that keep every character', () => {
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 40, max: 600 }),
        (blocks, limit) => {
          const messages = renderTelegram({ blocks }, { limit });
          let visible = '';
          for (const html of texts(messages)) {
            const check = checkTelegramHtml(html);
            expect(check.errors).toEqual([]);
            expect(check.text.length).toBeLessThanOrEqual(limit);
            visible += check.text;
          }
          const squeeze = (value: string) => value.replace(/\s+/g, '');
          for (const item of blocks) expect(squeeze(visible)).toContain(squeeze(item.text));
        },
      ),
      { numRuns: 200 },
    );
  });
});
