import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Reply } from '../../src/core/reply.ts';
import {
  embedSize,
  escapeText,
  LIMITS,
  renderDiscord,
  splitText,
  type DiscordMessage,
} from '../../src/platforms/discord/render.ts';

function expectWithinLimits(messages: DiscordMessage[]): void {
  for (const message of messages) {
    expect(message.embeds.length).toBeGreaterThan(0);
    expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
    expect(message.embeds.reduce((sum, embed) => sum + embedSize(embed), 0)).toBeLessThanOrEqual(
      LIMITS.messageTotal,
    );
    for (const embed of message.embeds) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
        expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      }
    }
  }
}

const allText = (messages: DiscordMessage[]) =>
  messages
    .flatMap((m) => m.embeds)
    .map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])
    .flat()
    .join('\n');

const source = (n: number, url: string | null = `https://example.org/${n}`) => ({
  n,
  title: `Title ${n}`,
  outlet: 'Wire',
  url,
  published: '2023-09-30T10:00:00Z',
});

describe('escapeText', () => {
  it('makes @everyone, @here and user, role and channel mentions inert', () => {
    const text = escapeText('Hey @everyone and @here: <@123> <@!456> <@&789> <#42> </cmd:1>');
    expect(text).not.toMatch(/@everyone|@here|<@\d|<@!|<@&|<#|<\//);
    expect(text.replace(/\u200b/g, '')).toBe(
      'Hey @everyone and @here: <@123> <@!456> <@&789> <#42> </cmd:1>',
    );
  });

  it('escapes markdown, masked links, headings and list markers', () => {
    expect(escapeText('**bold** _it_ *em* `code` [x](https://evil.example)')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\*em\\* \\`code\\` \\[x](https://evil.example)',
    );
    expect(escapeText('a\\*b* c')).toBe('a\\\\\\*b\\* c');
    expect(escapeText('# Heading\n- item\n1. first')).toBe('\\# Heading\n\\- item\n1\\. first');
  });

  it('drops control characters', () => {
    expect(escapeText('a\u0000b\u0007c')).toBe('abc');
  });
});

describe('splitText', () => {
  it('splits at line breaks, then spaces, never above the limit', () => {
    const text = Array.from({ length: 50 }, (_, i) => `line ${i} ${'word '.repeat(20)}`).join('\n');
    const pieces = splitText(text, 500);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(500);
    expect(pieces.join(' ').replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
  });

  it('cuts an unbroken run hard and keeps escapes with their character', () => {
    const pieces = splitText(`${'a'.repeat(9)}\\*${'b'.repeat(10)}`, 10);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(10);
    expect(pieces.some((piece) => piece.endsWith('\\'))).toBe(false);
    expect(pieces.join('')).toBe(`${'a'.repeat(9)}\\*${'b'.repeat(10)}`);
  });
});

describe('renderDiscord', () => {
  it('renders a heading as the title, citations as links, sources, footer and colour', () => {
    const reply: Reply = {
      blocks: [
        { type: 'heading', text: 'Briefing: Kosovo' },
        { type: 'fields', fields: [{ name: 'Escalation', value: '3/5 tense, rising' }] },
        { type: 'text', text: 'KFOR reinforced the north.', citations: [1, 2] },
        { type: 'sources', items: [source(1), source(2, null)] },
      ],
      level: 3,
      asOf: '2023-10-02T12:00:00Z',
    };
    const [message, ...rest] = renderDiscord(reply);
    expect(rest).toEqual([]);
    const embed = message!.embeds[0]!;
    expect(embed.title).toBe('Briefing: Kosovo');
    expect(embed.fields).toEqual([
      { name: 'Escalation', value: '3/5 tense, rising', inline: true },
    ]);
    expect(embed.description).toContain(
      'KFOR reinforced the north. [[1]](https://example.org/1)\\[2\\]',
    );
    expect(embed.description).toContain(
      '`[1]` [Title 1](https://example.org/1) (Wire, 2023-09-30)',
    );
    expect(embed.description).toContain('`[2]` Title 2 (Wire, 2023-09-30)');
    expect(embed.color).toBe(0xe67e22);
    expect(embed.footer?.text).toBe('as of 2023-10-02 12:00 UTC');
  });

  it('colours by escalation level from calm to open fighting', () => {
    const colour = (level: number) =>
      renderDiscord({ blocks: [{ type: 'text', text: 'x' }], level })[0]!.embeds[0]!.color;
    expect(new Set([0, 1, 2, 3, 4, 5].map(colour)).size).toBe(6);
  });

  it('keeps only http(s) links and encodes parentheses', () => {
    const reply: Reply = {
      blocks: [
        {
          type: 'sources',
          items: [source(1, 'javascript:alert(1)'), source(2, 'https://e.org/a_(b)')],
        },
      ],
    };
    const description = renderDiscord(reply)[0]!.embeds[0]!.description!;
    expect(description).not.toContain('javascript:');
    expect(description).toContain('(https://e.org/a_%28b%29)');
  });

  it('splits a long reply across embeds and messages within every limit', () => {
    const paragraph = 'The mission said troops would stay. '.repeat(60);
    const blocks: Block[] = [
      { type: 'heading', text: 'A'.repeat(400) },
      ...Array.from({ length: 30 }, (): Block => ({ type: 'text', text: paragraph })),
      {
        type: 'fields',
        fields: Array.from({ length: 40 }, (_, i) => ({ name: `F${i}`, value: 'v'.repeat(1500) })),
      },
    ];
    const messages = renderDiscord({ blocks, asOf: '2023-10-02T12:00:00Z' });
    expect(messages.length).toBeGreaterThan(2);
    expectWithinLimits(messages);
    expect(messages[0]!.embeds[0]!.title).toHaveLength(LIMITS.title);
    expect(messages.at(-1)!.embeds.at(-1)!.footer?.text).toMatch(/^as of/);
    const text = allText(messages);
    expect(text.split('The mission said troops would stay.').length - 1).toBe(30 * 60);
  });

  it('stays within limits for arbitrary replies', () => {
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ type: fc.constant('heading' as const), text: fc.string({ maxLength: 600 }) }),
      fc.record({ type: fc.constant('text' as const), text: fc.string({ maxLength: 9000 }) }),
      fc.record({
        type: fc.constant('quote' as const),
        text: fc.string({ maxLength: 3000 }),
        speaker: fc.string({ maxLength: 300 }),
      }),
      fc.record({
        type: fc.constant('fields' as const),
        fields: fc.array(
          fc.record({ name: fc.string({ maxLength: 400 }), value: fc.string({ maxLength: 2000 }) }),
          { maxLength: 30 },
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), (blocks) => {
        expectWithinLimits(renderDiscord({ blocks, asOf: '2023-10-02T12:00:00Z' }));
      }),
      { numRuns: 150 },
    );
  });

  it('attaches images as PNG files referenced from the embed', () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    const [message] = renderDiscord({
      blocks: [
        { type: 'heading', text: 'Timeline' },
        { type: 'image', png, alt: 'chart', fallback: 'text chart' },
      ],
    });
    expect(message!.files).toEqual([{ name: 'chart-1.png', data: png }]);
    expect(message!.embeds[0]!.image).toEqual({ url: 'attachment://chart-1.png' });
  });

  it('turns actions into buttons on the last message, skipping ids over 100 characters', () => {
    const messages = renderDiscord({
      blocks: [{ type: 'text', text: 'Statements 1-5' }],
      actions: [
        { label: 'More', commandLine: '/who kirby page:2' },
        { label: 'Too long', commandLine: `/who ${'x'.repeat(120)}` },
      ],
    });
    expect(messages.at(-1)!.components).toEqual([
      {
        type: 1,
        components: [{ type: 2, style: 2, label: 'More', custom_id: 'p:/who kirby page:2' }],
      },
    ]);
  });

  it('always yields at least one embed', () => {
    expect(renderDiscord({ blocks: [] })[0]!.embeds).toHaveLength(1);
  });
});
