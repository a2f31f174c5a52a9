import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { tidyBody } from '../../src/corpus/parse/fields.ts';
import { markdownToText } from '../../src/corpus/parse/markdown.ts';
import { ParseError } from '../../src/corpus/parse/parse-error.ts';
import { parseDocument } from '../../src/corpus/parse/parse-document.ts';
import { parseCommandLine } from '../../src/core/command-line.ts';
import { UserError } from '../../src/core/errors.ts';
import { htmlToText } from '../../src/corpus/parse/html.ts';
import { looksLikeFeed, parseFeedDocument } from '../../src/corpus/feed-items.ts';
import { isOfficialDocument, officialTitle } from '../../src/analysis/stories/official-titles.ts';

/**
 * Long hostile strings for every text path that uses regular expressions: a super-linear
 * (backtracking) pattern would turn each of these into minutes of CPU, which vitest's timeout
 * catches. No duration is asserted; only that each call returns and its output stays bounded.
 */
const SIZE = 100_000;
const repeat = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const words = Array.from({ length: 50_000 }, (_, n) => `word${n % 97}`).join(' ');

const HOSTILE: Record<string, string> = {
  'straight quotes': repeat('"'),
  'curly quotes': repeat('\u201c\u201d\u201c'),
  'unbalanced quote then text': `"${repeat('said the officer ')}`,
  spaces: repeat(' '),
  'spaces then a letter': `${repeat(' \t')}x`,
  'a.a.a.': repeat('a.'),
  'initials U.S.': repeat('U.S. '),
  'unclosed <': repeat('<'),
  'unclosed tags': repeat('<a href="'),
  'emphasis *_': repeat('*_'),
  'emphasis with words': repeat('*a _b '),
  'nested brackets': `${'['.repeat(SIZE / 2)}${']'.repeat(SIZE / 2)}`,
  'link soup': repeat('[a](b'),
  'wrapped link soup': repeat('[a\nb'),
  'capitalised run': repeat('Kosovo Police Serbia Army '),
  'title cues': repeat('Mr. Dr. Gen. '),
  'said cues': repeat('said said, '),
  'numbers and dashes': repeat('1-2-3 -- '),
  newlines: repeat('\n'),
  'front matter dashes': `---\n${repeat('-')}`,
  '50k-word line': words,
  'entity ampersands': repeat('&amp;&#'),
  'issuer without an end': repeat('Secretary Jo Marsh and '),
};

const FALLBACK = '2023-09-30T00:00:00.000Z';
const FORMATS = ['a.txt', 'a.md', 'a.json', 'a.ndjson', 'a.html'];

describe('no regular expression backtracks catastrophically on hostile input', () => {
  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`parsers and text helpers: ${name}`, () => {
      const bytes = new TextEncoder().encode(text);
      for (const format of FORMATS) {
        const parsed = parseDocument(format, bytes, FALLBACK);
        expect(parsed.articles.length + parsed.failures.length).toBeGreaterThan(0);
        for (const article of parsed.articles)
          expect(article.body.length).toBeLessThanOrEqual(SIZE * 2);
      }
      expect(markdownToText(text).length).toBeLessThanOrEqual(text.length);
      expect(htmlToText(text).length).toBeLessThanOrEqual(text.length);
      expect(tidyBody(text).length).toBeLessThanOrEqual(text.length);
      looksLikeFeed(text);
      try {
        const feed = parseFeedDocument(
          `<rss version="2.0"><channel><title>${text}</title><item><title>${text}</title><description>${text}</description></item></channel></rss>`,
          'f',
          FALLBACK,
        );
        expect(feed.items.length + feed.failures.length).toBeLessThanOrEqual(1);
      } catch (error) {
        expect(error).toBeInstanceOf(ParseError);
      }
      try {
        parseCommandLine(`/briefing ${text}`, commands);
      } catch (error) {
        expect(error).toBeInstanceOf(UserError);
      }
    });

    it(`sentences and analysis: ${name}`, () => {
      const sentences = splitSentences(text);
      for (const span of sentences) expect(span.end).toBeLessThanOrEqual(text.length);
      const body = `Kosovo police said on Sunday that the situation was tense. ${text} "We will not allow it," the minister said.`;
      const analysis = analyzeArticle({ title: `Kosovo ${name}`, body, published: FALLBACK });
      // A quote never swallows the hostile run: each stays well under half the article.
      for (const quote of analysis.quotes)
        expect(quote.content.end - quote.content.start).toBeLessThan(body.length / 2);
      for (const entity of analysis.entities) expect(entity.end - entity.start).toBeLessThan(1000);
      expect(analysis.summary.join(' ').length).toBeLessThanOrEqual(body.length);
      for (const opening of [
        'Statement from President ',
        'Readout of Jo Marsh',
        'Press Briefing by ',
      ])
        expect(officialTitle(`${opening}${text}`)?.subject.length ?? 0).toBeLessThan(SIZE * 2);
      expect(typeof isOfficialDocument(`${text} Joint Communique`)).toBe('boolean');
    });
  }
});
