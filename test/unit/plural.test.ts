import { describe, expect, it } from 'vitest';
import { plural } from '../../src/core/plural.ts';
import { renderConsole } from '../../src/platforms/console/render.ts';

describe('plural', () => {
  it('puts the noun in the number of its count', () => {
    expect(plural(1, 'outlet')).toBe('1 outlet');
    expect(plural(0, 'outlet')).toBe('0 outlets');
    expect(plural(2, 'story', 'stories')).toBe('2 stories');
    expect(plural(12_500, 'article')).toBe('12,500 articles');
  });

  it('is what a source carried by two outlets shows', () => {
    const text = renderConsole(
      {
        blocks: [
          {
            type: 'sources',
            items: [
              { n: 1, title: 'T', outlet: 'Wire', url: null, published: '2023-09-30', outlets: 2 },
            ],
          },
        ],
      },
      { width: 100, colour: false },
    );
    expect(text).toMatch(/Wire \(\+1 outlet\),/);
  });
});
