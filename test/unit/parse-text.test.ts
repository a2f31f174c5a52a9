import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTextArticle } from '../../src/corpus/parse/text.ts';
import { ParseError } from '../../src/corpus/parse/parse-error.ts';
import { seedFixtureFile } from '../helpers/paths.ts';

const FALLBACK = '2020-01-01T00:00:00.000Z';

describe('the plain-text news layout', () => {
  it('reads the seed article: title, outlet, timestamp, tags, and drops site boilerplate', () => {
    const article = parseTextArticle(
      readFileSync(seedFixtureFile, 'utf8'),
      seedFixtureFile,
      FALLBACK,
    );
    expect(article.title).toBe(
      'NATO reinforces its Kosovo mission as the standoff with Serbia worsens',
    );
    expect(article.outlet).toBe('time news');
    expect(article.published).toBe('2023-09-30T10:14:00.000Z');
    expect(article.tags).toContain('Kosovo');
    expect(article.tags).toContain('NATO');
    expect(article.body).toMatch(/^Allies on the NATO Council have approved/);
    expect(article.body).toMatch(/resist the government in Pristina\.$/);
    expect(article.body).not.toMatch(/You may also like|Leave a Comment|#NATO/);
    expect(article.url).toBeNull();
  });

  it('takes an optional URL line and keeps paragraphs apart', () => {
    const text =
      'Title here\n\nby Balkan Wire\n\n2023-05-29 18:00\n\nhttps://example.com/a\n\nFirst para.\n\nSecond para.\n';
    const article = parseTextArticle(text, 'a.txt', FALLBACK);
    expect(article).toMatchObject({
      outlet: 'Balkan Wire',
      url: 'https://example.com/a',
      published: '2023-05-29T18:00:00.000Z',
    });
    expect(article.body).toBe('First para.\n\nSecond para.');
  });

  it('falls back to the given date and an unknown outlet when the header lines are missing', () => {
    const article = parseTextArticle('Just a title\n\nA body sentence.', 'b.txt', FALLBACK);
    expect(article).toMatchObject({
      outlet: 'unknown',
      published: FALLBACK,
      body: 'A body sentence.',
    });
  });

  it('does not take a short first body line for a date', () => {
    const article = parseTextArticle(
      'Title\n\nby X\n\nMay 2023 was tense.\n\nMore.',
      'c.txt',
      FALLBACK,
    );
    expect(article.published).toBe(FALLBACK);
    expect(article.body).toMatch(/^May 2023 was tense\./);
  });

  it('refuses a file with a title and no body', () => {
    expect(() => parseTextArticle('Only a title\n', 'd.txt', FALLBACK)).toThrow(ParseError);
    expect(() => parseTextArticle('Only a title\n', 'd.txt', FALLBACK)).toThrow('no body text');
  });
});
