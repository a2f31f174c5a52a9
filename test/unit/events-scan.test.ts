import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateArticles } from '../../bench/generate.ts';
import { BACKGROUND, IGNORED, TRIGGERS } from '../../src/analysis/events/lexicon.ts';
import {
  compileScanner,
  findAll,
  fold,
  scan,
  wordStarts,
} from '../../src/analysis/events/pattern.ts';

const SCANNERS = [...TRIGGERS, ...IGNORED, ...BACKGROUND];

/** What every pattern finds the slow way: the global RegExp over the whole text. */
function slow(folded: string, text: string) {
  return SCANNERS.map((scanner) => findAll(scanner.regex, folded, text));
}

function fast(folded: string, text: string) {
  const words = wordStarts(folded);
  return SCANNERS.map((scanner) => scan(scanner, folded, text, words));
}

describe('hint-anchored pattern scan', () => {
  it('finds exactly what matchAll finds, for every events pattern, on generated news', () => {
    for (const article of generateArticles(40, 3)) {
      const folded = fold(article.body);
      expect(fast(folded, article.body)).toEqual(slow(folded, article.body));
    }
  });

  it('finds exactly what matchAll finds on word salad made of the patterns own words', () => {
    const vocabulary = [
      ...new Set(
        SCANNERS.flatMap((scanner) => [...(scanner.hints ?? []), ...(scanner.required ?? [])]),
      ),
      'the',
      'police',
      'troops',
      'were',
      'not',
      'by',
      ',',
      '.',
      '-',
      'killed',
      'people',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocabulary), { maxLength: 30 }),
        fc.constantFrom(' ', '  ', '\n', ' — '),
        (words, separator) => {
          const text = words.join(separator);
          const folded = fold(text);
          expect(fast(folded, text)).toEqual(slow(folded, text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('resumes after a match, as a global scan does, and needs no word index', () => {
    const scanner = compileScanner('shots? fired');
    const text = 'shots fired, shot fired; shotsfired. shots  fired';
    expect(scan(scanner, text).map((match) => match.start)).toEqual(
      findAll(scanner.regex, text).map((match) => match.start),
    );
    expect(scan(scanner, text)).toHaveLength(3);
  });
});
