import { describe, expect, it } from 'vitest';
import { generateArticles, MAX_WORDS, MIN_WORDS, toNdjsonLine } from '../../bench/generate.ts';
import { PEOPLE } from '../../bench/vocabulary.ts';
import { parseDocument } from '../../src/corpus/parse/parse-document.ts';

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('synthetic corpus generator', () => {
  it('gives the same articles for the same seed and different ones for another seed', () => {
    const first = [...generateArticles(200, 42)];
    const again = [...generateArticles(200, 42)];
    const other = [...generateArticles(200, 43)];
    expect(again).toEqual(first);
    expect(other.map((article) => article.body)).not.toEqual(first.map((article) => article.body));
  });

  it('keeps every body between 300 and 1,500 words, with distinct URLs in date order', () => {
    const articles = [...generateArticles(600, 7)];
    expect(articles).toHaveLength(600);
    for (const article of articles) {
      expect(words(article.body)).toBeGreaterThanOrEqual(MIN_WORDS);
      expect(words(article.body)).toBeLessThanOrEqual(MAX_WORDS);
    }
    expect(new Set(articles.map((article) => article.url)).size).toBe(600);
    const dates = articles.map((article) => article.published);
    expect([...dates].sort()).toEqual(dates);
  });

  it('averages about 700 words, the article length the ingest targets are set for', () => {
    const lengths = [...generateArticles(1000, 5)].map((article) => words(article.body));
    const mean = lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
    expect(mean).toBeGreaterThan(650);
    expect(mean).toBeLessThan(760);
    // Still the whole range: long articles stay in the mix.
    expect(Math.max(...lengths)).toBeGreaterThan(1300);
  });

  it('quotes registry people directly and in reported speech', () => {
    const bodies = [...generateArticles(100, 3)].map((article) => article.body).join('\n');
    expect(bodies).toMatch(/[“"][^”"]+[,.][”"] (said|[\p{L}-]+ said|s?he added)/u);
    expect(bodies).toMatch(/ said that /);
    expect(bodies).toMatch(/According to /);
    const quoted = PEOPLE.filter((person) => bodies.includes(person.name));
    expect(quoted.length).toBeGreaterThan(20);
  });

  it('writes NDJSON that parseDocument reads back field for field', () => {
    const articles = [...generateArticles(300, 11)];
    const text = `${articles.map(toNdjsonLine).join('\n')}\n`;
    const parsed = parseDocument('synthetic.ndjson', Buffer.from(text), '2000-01-01T00:00:00.000Z');
    expect(parsed.failures).toEqual([]);
    expect(parsed.articles).toHaveLength(articles.length);
    parsed.articles.forEach((article, index) => {
      expect({ ...article, origin: 'synthetic' }).toEqual({
        ...articles[index]!,
        origin: 'synthetic',
      });
    });
  });
});
