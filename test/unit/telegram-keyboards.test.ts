import { afterAll, describe, expect, it } from 'vitest';
import type { Block, Reply } from '../../src/core/reply.ts';
import {
  ButtonCodec,
  buildKeyboard,
  CALLBACK_DATA_LIMIT,
} from '../../src/platforms/telegram/keyboards.ts';
import { pageReply } from '../../src/platforms/telegram/paging.ts';

const codec = new ButtonCodec();
afterAll(() => codec.close());

const quote = (n: number): Block => ({
  type: 'quote',
  text: `Statement ${n}`,
  speaker: 'Kirby',
  citation: n,
});
const sources = (count: number): Block => ({
  type: 'sources',
  items: Array.from({ length: count }, (_, index) => ({
    n: index + 1,
    title: `T${index + 1}`,
    outlet: 'O',
    url: null,
    published: '2023-09-30',
  })),
});

describe('ButtonCodec', () => {
  it('round-trips page and run actions within 64 bytes', () => {
    for (const action of [
      { type: 'page' as const, page: 3, commandLine: '/who john kirby' },
      { type: 'run' as const, commandLine: '/briefing kosovo' },
    ]) {
      const data = codec.encode(action);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
      expect(codec.decode(data)).toEqual(action);
    }
  });

  it('parks a command line too long for callback_data and finds it again', () => {
    const commandLine = `/who ${'Aleksandar Vučić '.repeat(6).trim()}`;
    const data = codec.encode({ type: 'page', page: 2, commandLine });
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
    expect(codec.decode(data)).toEqual({ type: 'page', page: 2, commandLine });
    const fresh = new ButtonCodec();
    expect(fresh.decode(data)).toBeNull();
    fresh.close();
  });

  it('refuses malformed data', () => {
    expect(codec.decode('hello')).toBeNull();
    expect(codec.decode('p|')).toBeNull();
  });
});

describe('buildKeyboard', () => {
  it('draws previous, position and next around the current page, then the actions', () => {
    const keyboard = buildKeyboard(codec, { page: 2, pages: 3, commandLine: '/who kirby' }, [
      { label: 'Briefing: Kosovo', commandLine: '/briefing kosovo' },
    ]);
    expect(keyboard?.inline_keyboard.map((row) => row.map((button) => button.text))).toEqual([
      ['◀', '2/3', '▶'],
      ['Briefing: Kosovo'],
    ]);
    const next = keyboard!.inline_keyboard[0]![2]!;
    expect('callback_data' in next && codec.decode(next.callback_data)).toEqual({
      type: 'page',
      page: 3,
      commandLine: '/who kirby',
    });
  });

  it('draws nothing for a single page without actions', () => {
    expect(buildKeyboard(codec, { page: 1, pages: 1, commandLine: '/help' })).toBeUndefined();
  });
});

describe('pageReply', () => {
  it('pages /who statements and keeps only the sources the page cites', () => {
    const reply: Reply = {
      blocks: [
        { type: 'person', name: 'John Kirby', roles: [] },
        ...[1, 2, 3, 4, 5, 6, 7].map(quote),
        sources(7),
      ],
    };
    const second = pageReply(reply, 2, 5);
    expect(second).toMatchObject({ fixed: null, page: 2, pages: 2 });
    const blocks = second.paged.blocks;
    expect(blocks[0]).toMatchObject({ type: 'person' });
    expect(blocks.filter((block) => block.type === 'quote')).toHaveLength(2);
    const cited = blocks.find((block) => block.type === 'sources');
    expect(cited && cited.type === 'sources' && cited.items.map((item) => item.n)).toEqual([6, 7]);
  });

  it('pages /briefing sources apart from the summary, clamping the page number', () => {
    const reply: Reply = {
      blocks: [
        { type: 'heading', text: 'Briefing' },
        { type: 'text', text: 'Summary', citations: [1] },
        sources(12),
      ],
      actions: [{ label: 'More', commandLine: '/sources kosovo' }],
    };
    const last = pageReply(reply, 99, 5);
    expect(last.page).toBe(3);
    expect(last.fixed?.blocks.map((block) => block.type)).toEqual(['heading', 'text']);
    expect(last.fixed?.actions).toBeUndefined();
    expect(last.paged.actions).toEqual(reply.actions);
    const list = last.paged.blocks[0];
    expect(list && list.type === 'sources' && list.items.map((item) => item.n)).toEqual([11, 12]);
  });

  it('leaves a short reply whole', () => {
    const reply: Reply = { blocks: [quote(1), sources(1)] };
    expect(pageReply(reply, 1)).toEqual({ fixed: null, paged: reply, page: 1, pages: 1 });
  });
});
