import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateArticles } from '../../bench/generate.ts';
import { BACKGROUND, IGNORED, MODE_CUES, TRIGGERS } from '../../src/analysis/events/lexicon.ts';
import actorData from '../../src/analysis/events/actors.json' with { type: 'json' };
import {
  compileAny,
  compileAnyScanner,
  compileScanner,
  findAll,
  fold,
  matchesAnywhere,
  scan,
  scannerSet,
  wordCount,
  wordStarts,
} from '../../src/analysis/events/pattern.ts';

const SCANNERS = [...TRIGGERS, ...IGNORED, ...BACKGROUND];
const SCANNERS_IN = scannerSet(SCANNERS);
const NOUNS = (actorData as { nouns: string[] }).nouns;
const NOUN_SCANNER = compileAnyScanner(NOUNS);
const NOUN_REGEX = compileAny(NOUNS, 'gu');
const SHORT_HINTS = [compileScanner('to'), compileScanner('of'), compileScanner('ab*')];

/** What every pattern finds the slow way: the global RegExp over the whole text. */
function slow(folded: string, text: string) {
  return SCANNERS.map((scanner) => findAll(scanner.regex, folded, text));
}

function fast(folded: string, text: string) {
  const words = wordStarts(folded);
  return SCANNERS.map((scanner) => scan(scanner, folded, text, words));
}

/** Only the scanners the set says the text can match; every other one must find nothing. */
function gated(folded: string, text: string) {
  const words = wordStarts(folded);
  const possible = new Set(SCANNERS_IN(folded, words));
  return SCANNERS.map((scanner) =>
    possible.has(scanner) ? scan(scanner, folded, text, words) : [],
  );
}

function nouns(folded: string, text: string) {
  return {
    fast: scan(NOUN_SCANNER, folded, text, wordStarts(folded)),
    slow: findAll(NOUN_REGEX, folded, text),
  };
}

describe('hint-anchored pattern scan', () => {
  it('finds exactly what matchAll finds, for every events pattern, on generated news', () => {
    for (const article of generateArticles(40, 3)) {
      const folded = fold(article.body);
      const expected = slow(folded, article.body);
      expect(fast(folded, article.body)).toEqual(expected);
      expect(gated(folded, article.body)).toEqual(expected);
      const { fast: found, slow: all } = nouns(folded, article.body);
      expect(found).toEqual(all);
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
          const expected = slow(folded, text);
          expect(fast(folded, text)).toEqual(expected);
          expect(gated(folded, text)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('skips texts without the ending of a pattern that opens with a letter class', () => {
    const scanners = [compileScanner("[a-z]+n['’]t"), compileScanner('[a-z]+-(backed|supported)')];
    expect(scanners.map((scanner) => scanner.required)).toEqual([
      ["n't", 'n’t'],
      ['-backed', '-supported'],
    ]);
    const pieces = ['did', 'n', "'t", '’t', 'iran', '-backed', '-supported', 'ok', ' ', '-', 'é'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        for (const scanner of scanners) {
          const expected = findAll(scanner.regex, text);
          expect(scan(scanner, text)).toEqual(expected);
          expect(scan(scanner, text, text, wordStarts(text))).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds the actor nouns matchAll finds, on word salad made of their words', () => {
    const vocabulary = [
      ...new Set(
        NOUNS.flatMap((noun) => noun.split(/\s+/)).filter((word) => /^[a-z]+$/.test(word)),
      ),
      'policemen',
      'soldier',
      'paramilitary',
      'armed',
      'the',
      'Kosovo',
      '-',
      ',',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocabulary), { maxLength: 30 }),
        fc.constantFrom(' ', '', '  ', '-'),
        (words, separator) => {
          const text = words.join(separator);
          const { fast: found, slow: all } = nouns(fold(text), text);
          expect(found).toEqual(all);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tests the mode cues and context rules at their hints as RegExp.test does over the text', () => {
    const anyScanners = [
      ...[...MODE_CUES.values()].flat().map((cue) => cue.scanner),
      ...TRIGGERS.flatMap((trigger) =>
        trigger.when
          ? [trigger.when.context, ...(trigger.when.unless ? [trigger.when.unless] : [])]
          : [],
      ),
    ];
    for (const article of generateArticles(20, 5))
      for (const sentence of article.body.split(/(?<=\.)\s+/)) {
        const folded = fold(sentence);
        const words = wordStarts(folded);
        const viaHints = anyScanners.map((scanner) => matchesAnywhere(scanner, folded, words));
        const viaRegExp = anyScanners.map((scanner) => {
          scanner.regex.lastIndex = 0;
          return scanner.regex.test(folded);
        });
        expect(viaHints).toEqual(viaRegExp);
      }
  });

  it('indexes word starts and counts words as the RegExps do, on any text', () => {
    const reference = (text: string) => {
      const starts = new Map<string, number[]>();
      for (const match of text.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu)) {
        const key = text.slice(match.index, match.index + 3);
        starts.set(key, [...(starts.get(key) ?? []), match.index]);
      }
      return starts;
    };
    const pieces = [
      'to',
      'of',
      'ab',
      'a',
      'Z',
      '7',
      ' ',
      '-',
      "'",
      'é',
      'ß',
      '٣',
      '𝐀',
      '😀',
      '\ud800',
      '\udc00',
      'дом',
      '\n',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        // The same word starts, grouped by their first three characters: a group of the index
        // may join several (keys of non-ASCII characters can coincide), never split one.
        const index = wordStarts(text);
        const groupOf = new Map<number, number>();
        for (const [key, positions] of index) for (const at of positions) groupOf.set(at, key);
        const expected = reference(text);
        expect([...groupOf.keys()].sort((a, b) => a - b)).toEqual(
          [...expected.values()].flat().sort((a, b) => a - b),
        );
        for (const positions of expected.values())
          expect(new Set(positions.map((at) => groupOf.get(at))).size).toBe(1);
        if ([...text].every((char) => char.charCodeAt(0) < 0x80))
          expect(index.size).toBe(expected.size);
        expect(wordCount(text)).toBe(text.match(/[\p{L}\p{N}'’-]+/gu)?.length ?? 0);
        // Short hints are found by indexOf and checked for a letter or digit before them.
        for (const scanner of SHORT_HINTS) {
          const expected = findAll(scanner.regex, text);
          expect(scan(scanner, text)).toEqual(expected);
          expect(scan(scanner, text, text, wordStarts(text))).toEqual(expected);
        }
      }),
      { numRuns: 500 },
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
