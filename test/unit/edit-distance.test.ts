import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, withinEditDistance } from '../../src/corpus/topics.ts';

describe('withinEditDistance', () => {
  it('agrees with the full edit distance for every bound', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'k', 'v'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        expect(withinEditDistance(a, b, max)).toBe(editDistance(a, b) <= max);
      }),
      { numRuns: 2000 },
    );
  });
});
