import { describe, expect, it } from 'vitest';
import { findTerms, termFinder } from '../../src/corpus/term-finder.ts';

/** Each hit as `term` or `term (whole)`, in order. */
function hits(terms: string[], text: string): string[] {
  const found: string[] = [];
  findTerms(termFinder(terms), text, (index, whole) =>
    found.push(whole ? `${terms[index]} (whole)` : terms[index]!),
  );
  return found;
}

describe('findTerms', () => {
  it('finds a term at the start of a word, and says whether it also ends there', () => {
    expect(hits(['kosov'], ' kosovo and kosovar police in kosov ')).toEqual([
      'kosov',
      'kosov',
      'kosov (whole)',
    ]);
  });

  it('does not find a term inside a word', () => {
    expect(hits(['gaza'], ' megaza ')).toEqual([]);
  });

  it('finds phrases and every repeat, including the first and last words', () => {
    expect(hits(['tel aviv', 'gaza'], ' gaza and tel aviv and tel avivs and gaza ')).toEqual([
      'gaza (whole)',
      'tel aviv (whole)',
      'tel aviv',
      'gaza (whole)',
    ]);
  });

  it('tries every term that shares a first letter, and never an empty one', () => {
    expect(hits(['', 'kyiv', 'kharkiv'], ' kharkiv kyiv ')).toEqual([
      'kharkiv (whole)',
      'kyiv (whole)',
    ]);
  });
});
