import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCATIVE_BODY, locativeMatches } from '../../src/analysis/events/places.ts';

/** The definition: the locative RegExp, after no letter, run over the whole sentence. */
const LOCATIVE = new RegExp(`(?<![\\p{L}])${LOCATIVE_BODY}`, 'gu');
const reference = (sentence: string) =>
  [...sentence.matchAll(LOCATIVE)].map((match) => [match.index, ...match]);

describe('locative phrases found from their prepositions', () => {
  it('gives exactly the matches of the RegExp tried at every character', () => {
    const vocabulary = [
      'in',
      'at',
      'near',
      'outside',
      'inside',
      'on',
      'the',
      'outskirts',
      'of',
      'north',
      'north-east',
      'southern',
      'village',
      'town',
      'Rafah',
      'Khan',
      'Younis',
      'Gaza',
      "Gaza's",
      'al-Mawasi',
      'Banjska',
      'through',
      'from',
      'village',
      'camp',
      'refugee',
      'deadly',
      'Jenin',
      '10km',
      '(six',
      'miles)',
      'Ön',
      '7',
      'said',
      ',',
      '.',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(' ', '', '  ', '-')), {
          maxLength: 25,
        }),
        (pieces) => {
          const sentence = pieces.map(([word, separator]) => word + separator).join('');
          const found = locativeMatches(sentence).map((match) => [match.index, ...match]);
          expect(found).toEqual(reference(sentence));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
