import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAll } from '../../src/analysis/events/pattern.ts';
import { fold, tokenize, type Token } from '../../src/analysis/tokens.ts';

const TOKEN =
  /(?:\p{L}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*|\p{N}+(?:[.,:/]\p{N}+)*%?|''|[«»“”„"‘’']|\S/gu;
const QUOTES = new Set(['"', "''", '“', '”', '„', '«', '»']);

/** The definition tokenize decides inline: a RegExp per letter, digit, capital and possessive. */
function reference(text: string): Token[] {
  const tokens: Token[] = [];
  const word = (raw: string, start: number): Token => ({
    text: raw,
    lower: fold(raw),
    start,
    end: start + raw.length,
    kind: 'word',
    cap: /^\p{Lu}/u.test(raw),
  });
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index;
    if (/\p{L}/u.test(raw[0]!)) {
      const possessive = /^(.+?)(['’]s)$/u.exec(raw);
      if (possessive && possessive[1]!.length > 1 && !/['’]s$/u.test(possessive[1]!)) {
        const stem = possessive[1]!;
        tokens.push(word(stem, start));
        tokens.push({
          text: possessive[2]!,
          lower: "'s",
          start: start + stem.length,
          end: start + raw.length,
          kind: 'possessive',
          cap: false,
        });
        continue;
      }
      tokens.push(word(raw, start));
    } else {
      const kind = /\p{N}/u.test(raw[0]!) ? 'number' : QUOTES.has(raw) ? 'quote' : 'punct';
      tokens.push({ text: raw, lower: raw, start, end: start + raw.length, kind, cap: false });
    }
  }
  return tokens;
}

const PIECES = [
  "Serbia's",
  'Serbia’s',
  "s's",
  "ab's's",
  "Al's",
  "'s",
  'Öcalan',
  'émile',
  'Ωmega',
  '𝐀lpha',
  '𝟗',
  '٣',
  'U.S.',
  'O’Brien',
  '12,000',
  '45%',
  '"',
  '“',
  "''",
  ',',
  '.',
  '-',
  'x',
  'Z',
  'a.m.',
  'e.g',
  'U.É.',
  '3.5',
  '1:30',
  '2/3',
  '12.',
  'well-known',
  "rock'n'roll",
  'ab-',
  '-cd',
  "'",
  '’',
  'e\u0301',
  '\u00a0',
  '\t',
  '😀',
  '$',
  '%',
  '7٣',
];

describe('tokenize decides ASCII inline', () => {
  it('gives exactly the tokens of its RegExp definition', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(' ', '', '\n')), {
          maxLength: 20,
        }),
        (pieces) => {
          const text = pieces.map(([piece, separator]) => piece + separator).join('');
          expect(tokenize(text)).toEqual(reference(text));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('findAll', () => {
  it('gives the non-empty matches matchAll gives, past empty matches and surrogate pairs', () => {
    const regexes = [/x*/gu, /a|(?:)/gu, /\p{Lu}\p{L}*/gu, /(?:)/g];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'x', 'Ö', '😀', ' ', 'B'), { maxLength: 12 }),
        (chars) => {
          const text = chars.join('');
          for (const regex of regexes) {
            const expected = [...text.matchAll(regex)]
              .filter((match) => match[0].length > 0)
              .map((match) => [match.index, match[0]]);
            expect(findAll(regex, text).map((match) => [match.start, match.text])).toEqual(
              expected,
            );
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
