import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { renderConsole } from '../../src/platforms/console/render.ts';

const reply: Reply = {
  blocks: [
    { type: 'heading', text: 'Briefing: Kosovo' },
    {
      type: 'text',
      text: 'Serbian forces massed near the border while NATO reinforced KFOR in the north.',
      citations: [1, 2],
    },
    {
      type: 'quote',
      text: 'unprecedented deployment',
      speaker: 'John Kirby',
      date: '2023-09-29T18:00:00Z',
      citation: 2,
    },
    {
      type: 'sources',
      items: [
        {
          n: 1,
          title: 'NATO reinforces KFOR',
          outlet: 'Balkan Wire',
          url: 'https://a.example/1',
          published: '2023-09-30T10:00:00Z',
        },
        {
          n: 2,
          title: 'Kirby on the build-up',
          outlet: 'Wire \u001b[31mred\u001b[0m',
          url: null,
          published: '2023-09-29T18:00:00Z',
          outlets: 3,
        },
      ],
    },
  ],
};

describe('console rendering', () => {
  it('wraps to the terminal width and keeps citations', () => {
    const text = renderConsole(reply, { width: 40, colour: false });
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(text).toContain('[1][2]');
    const wide = renderConsole(reply, { width: 120, colour: false });
    expect(wide).toMatch(/\[2\] Wire red \(\+2 outlets\), 2023-09-29: Kirby on the build-up/);
    expect(wide).toContain('- John Kirby, 2023-09-29 [2]');
  });

  it('adds colour only when asked and strips escape sequences from article text', () => {
    expect(renderConsole(reply, { width: 80, colour: false })).not.toContain('\u001b');
    const coloured = renderConsole(reply, { width: 80, colour: true });
    expect(coloured).toContain('\u001b[1mBriefing: Kosovo');
    expect(coloured).not.toContain('\u001b[31m');
  });
});
