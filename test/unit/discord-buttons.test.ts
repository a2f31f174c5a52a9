import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId } from '../../src/platforms/discord/buttons.ts';

describe('button custom ids', () => {
  it('round-trips a command line, with spaces compacted', () => {
    const id = encodeCustomId('/who  john kirby   page:2');
    expect(id).toBe('p:/who john kirby page:2');
    expect(decodeCustomId(id!)).toBe('/who john kirby page:2');
  });

  it('refuses a command line that would exceed 100 characters', () => {
    expect(encodeCustomId(`/briefing ${'x'.repeat(88)}`)).toHaveLength(100);
    expect(encodeCustomId(`/briefing ${'x'.repeat(89)}`)).toBeNull();
  });

  it('ignores ids the bot did not make', () => {
    expect(decodeCustomId('other:thing')).toBeNull();
    expect(decodeCustomId('p:   ')).toBeNull();
  });
});
