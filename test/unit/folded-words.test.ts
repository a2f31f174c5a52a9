import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactFoldedWords, foldedWords } from '../../src/analysis/folded-words.ts';

/** Characters the fast path handles itself: ASCII, Latin-1, Latin Extended, General Punctuation. */
const fastPathChar = fc.oneof(
  fc.integer({ min: 0, max: 0x24f }),
  fc.integer({ min: 0x2000, max: 0x206f }),
  fc.integer({ min: 0x61, max: 0x7a }),
);
const fastPathText = fc
  .array(fastPathChar, { maxLength: 40 })
  .map((codes) => String.fromCharCode(...codes));

describe('foldedWords', () => {
  it('gives exactly the NFKD-fold-and-split words on Latin text and punctuation', () => {
    fc.assert(
      fc.property(fastPathText, (text) => {
        expect(foldedWords(text)).toEqual(exactFoldedWords(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('stops after `limit` words, as slicing the full list would', () => {
    fc.assert(
      fc.property(fastPathText, fc.nat(6), (text, limit) => {
        expect(foldedWords(text, limit)).toEqual(exactFoldedWords(text).slice(0, limit));
      }),
    );
  });

  it('folds diacritics, case, ligatures and fractions like the definition', () => {
    expect(foldedWords('Vučić’s “Ǆ-day”: ½ of ŒUVRES, naïve')).toEqual([
      'vucic',
      's',
      'dz',
      'day',
      '1',
      '2',
      'of',
      'œuvres',
      'naive',
    ]);
  });

  it('takes the exact path for other scripts (Greek final sigma, Cyrillic)', () => {
    const text = 'ΟΔΥΣΣΕΥΣ said Зеленський';
    expect(foldedWords(text)).toEqual(exactFoldedWords(text));
    expect(foldedWords(text)[0]).toBe('οδυσσευς');
  });
});
