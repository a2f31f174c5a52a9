import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/parse/parse-document.ts';
import { parseCommandLine } from '../../src/core/command-line.ts';
import { UserError } from '../../src/core/errors.ts';
import { commands } from '../../commands/index.ts';
import { ParseError } from '../../src/corpus/parse/parse-error.ts';
import { parseFeedDocument } from '../../src/corpus/feed-items.ts';

const FALLBACK = '2020-01-01T00:00:00.000Z';
const NAMES = ['a.txt', 'a.md', 'a.json', 'a.ndjson', 'a.html', 'noext'];

/** Text that looks like each format closely enough to reach its deeper branches. */
const documentText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc
    .tuple(fc.string(), fc.string(), fc.string())
    .map(([a, b, c]) => `---\ntitle: ${a}\npublished: ${b}\n---\n${c}`),
  fc
    .tuple(fc.string(), fc.string())
    .map(([a, b]) => `${a}\n\nby ${b}\n\n2023-09-30 10:14:00\n\n${a} ${b}.\n\n#tag ${b}`),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc
    .array(fc.jsonValue(), { maxLength: 4 })
    .map((values) => values.map((value) => JSON.stringify(value)).join('\n')),
  fc
    .record({
      title: fc.string(),
      body: fc.string(),
      published: fc.string(),
      tags: fc.array(fc.string()),
    })
    .map((record) => JSON.stringify(record)),
  fc
    .tuple(fc.string(), fc.string())
    .map(
      ([a, b]) =>
        `<html><head><meta property="og:title" content="${a}"></head><body><article><p>${b}</p></article></body></html>`,
    ),
);

describe('parsers under arbitrary input', () => {
  it('never throw, and every article they return is complete', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), documentText, (name, text) => {
        const result = parseDocument(name, new TextEncoder().encode(text), FALLBACK);
        for (const article of result.articles) {
          expect(article.title.trim()).not.toBe('');
          expect(article.body.trim()).not.toBe('');
          expect(Number.isNaN(Date.parse(article.published))).toBe(false);
          expect(new Date(article.published).toISOString()).toBe(article.published);
        }
        for (const failure of result.failures) expect(failure.reason).not.toBe('');
        expect(result.articles.length + result.failures.length).toBeGreaterThan(0);
      }),
      { numRuns: 600 },
    );
  });

  it('never throw on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 512 }), (name, bytes) => {
        const result = parseDocument(name, bytes, FALLBACK);
        expect(result.articles.length + result.failures.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the command-line parser under arbitrary input', () => {
  it('either parses to a known command or refuses with a UserError', () => {
    const names = commands.map((command) => `/${command.name}`);
    fc.assert(
      fc.property(
        fc.constantFrom(...names, '/', ''),
        fc.string({ maxLength: 200 }),
        (head, rest) => {
          try {
            const parsed = parseCommandLine(`${head} ${rest}`, commands);
            expect(names).toContain(`/${parsed.command}`);
          } catch (error) {
            expect(error).toBeInstanceOf(UserError);
          }
        },
      ),
      { numRuns: 600 },
    );
  });
});

/** Feed-shaped XML and JSON with arbitrary text where a publisher's fields go. */
const feedText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc
    .tuple(fc.string(), fc.string(), fc.string(), fc.string())
    .map(
      ([title, link, date, body]) =>
        `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><item><title>${title}</title><link>${link}</link><pubDate>${date}</pubDate><description>${body}</description></item></channel></rss>`,
    ),
  fc
    .tuple(fc.string(), fc.string())
    .map(
      ([title, body]) =>
        `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>${title}</title><content type="html">${body}</content></entry></feed>`,
    ),
  fc
    .record({ title: fc.string(), content_html: fc.string(), date_published: fc.string() })
    .map((item) =>
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'f', items: [item] }),
    ),
);

describe('the feed parser under arbitrary input', () => {
  it('returns complete articles or says why, and never throws anything else', () => {
    fc.assert(
      fc.property(feedText, (text) => {
        try {
          const feed = parseFeedDocument(text, 'feed', FALLBACK);
          for (const item of feed.items) {
            expect(item.article.title.trim()).not.toBe('');
            expect(item.article.body.trim()).not.toBe('');
            expect(new Date(item.article.published).toISOString()).toBe(item.article.published);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(ParseError);
        }
      }),
      { numRuns: 400 },
    );
  });
});
