import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/parse/parse-document.ts';

const FALLBACK = '2020-01-01T00:00:00.000Z';
const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (name: string, text: string) => parseDocument(name, bytes(text), FALLBACK);

describe('Markdown with front matter', () => {
  it('reads the metadata and strips Markdown syntax from the body', () => {
    const text = [
      '---',
      'title: "Clashes in Zvečan"',
      'outlet: Adriatic Observer',
      'url: https://adriatic.example.com/zvecan',
      'published: 2023-05-29T16:30:00Z',
      'tags: [Kosovo, KFOR]',
      '---',
      '## What happened',
      '',
      'Protesters *clashed* with [KFOR](https://nato.example) troops.',
    ].join('\n');
    const { articles, failures } = parse('z.md', text);
    expect(failures).toEqual([]);
    expect(articles[0]).toMatchObject({
      title: 'Clashes in Zvečan',
      outlet: 'Adriatic Observer',
      published: '2023-05-29T16:30:00.000Z',
      tags: ['Kosovo', 'KFOR'],
    });
    expect(articles[0]!.body).toBe('What happened\n\nProtesters clashed with KFOR troops.');
  });

  it('keeps the words of a link whose text wraps onto the next line', () => {
    const text = [
      '---',
      'title: Renters',
      'published: 2024-02-29T12:00:00Z',
      '---',
      'The Secretary issued an [open',
      'letter](https://hud.example/letter) to housing providers.',
    ].join('\n');
    const body = parse('r.md', text).articles[0]!.body;
    expect(body).toMatch(/^The Secretary issued an open\s+letter to housing providers\.$/);
  });

  it('keeps each list item a paragraph of its own, however its lines wrap', () => {
    const text = [
      '---',
      'title: Harbour meeting',
      '---',
      'Present:',
      '',
      '-   Priya Raman, Deputy Director of the',
      '    Water Agency',
      '-   Tomas Berg, Chair of the Harbour Board',
    ].join('\n');
    expect(parse('h.md', text).articles[0]!.body).toBe(
      'Present:\n\nPriya Raman, Deputy Director of the Water Agency\n\n' +
        'Tomas Berg, Chair of the Harbour Board',
    );
  });

  it('reads a transcript as said: escapes unescaped, struck words dropped, tags gone', () => {
    const text = [
      '---',
      'title: Press call',
      '---',
      'I would now like to introduce Karine Johnson \\[Jean-Pierre\\], the Press',
      'Secretary.',
      '',
      'MR. KIRBY: More HIMARS, that is Highly Mobile <s>Advanced</s> \\[Artillery\\] Rocket',
      'Systems, and <u>more</u> \\*rounds\\* for the 118<sup>th</sup> time.',
      '',
      '2\\. **Tutoring**<br />',
      '<table><tr><td>Strategy</td><td>Commitment</td></tr></table>',
      '',
      'Read <https://example.gov/brief> where 3 < 4 and <Kosovo> stay.',
    ].join('\n');
    expect(parse('t.md', text).articles[0]!.body).toBe(
      'I would now like to introduce Karine Johnson [Jean-Pierre], the Press Secretary.\n\n' +
        'MR. KIRBY: More HIMARS, that is Highly Mobile [Artillery] Rocket Systems, and more ' +
        '*rounds* for the 118th time.\n\n2. Tutoring\n\nStrategy\n\nCommitment\n\n' +
        'Read https://example.gov/brief where 3 < 4 and <Kosovo> stay.',
    );
  });

  it('names the problem when the front matter is missing or broken', () => {
    expect(parse('a.md', '# Just markdown\n\ntext').failures[0]!.reason).toMatch(/front matter/);
    expect(parse('b.md', '---\ntitle: [unclosed\n---\nbody').failures[0]!.reason).toMatch(
      /invalid front matter/,
    );
  });
});

describe('JSON and NDJSON', () => {
  it('accepts one object, an array, and the common key spellings', () => {
    const one = parse(
      'one.json',
      JSON.stringify({ title: 'T', text: 'Body.', source: { name: 'Wire' }, date: '2023-09-24' }),
    );
    expect(one.articles[0]).toMatchObject({
      title: 'T',
      body: 'Body.',
      outlet: 'Wire',
      published: '2023-09-24T00:00:00.000Z',
    });
    const many = parse(
      'many.json',
      JSON.stringify([
        { title: 'A', body: 'a.' },
        { title: 'B', body: 'b.' },
      ]),
    );
    expect(many.articles.map((article) => article.title)).toEqual(['A', 'B']);
  });

  it('reports the bad item of an array and keeps the good ones', () => {
    const result = parse(
      'mixed.json',
      JSON.stringify([{ title: 'A', body: 'a.' }, { title: 'B' }]),
    );
    expect(result.articles).toHaveLength(1);
    expect(result.failures).toEqual([{ origin: 'mixed.json#2', reason: 'no body text' }]);
  });

  it('reports invalid JSON with the parser message', () => {
    const result = parse('bad.json', '{"title": "A", ');
    expect(result.articles).toEqual([]);
    expect(result.failures[0]!.reason).toMatch(/^invalid JSON/);
  });

  it('reads NDJSON line by line, naming the line of each failure', () => {
    const lines = [
      JSON.stringify({ title: 'A', body: 'a.', published: '2023-09-24T10:00:00Z' }),
      '{broken',
      '',
      JSON.stringify({ title: 'C', body: 'c.', published: 'yesterday-ish' }),
      JSON.stringify({ title: 'D', body: 'd.' }),
    ].join('\n');
    const result = parse('feed.ndjson', lines);
    expect(result.articles.map((article) => article.title)).toEqual(['A', 'D']);
    expect(result.failures.map((failure) => failure.origin)).toEqual([
      'feed.ndjson:2',
      'feed.ndjson:4',
    ]);
    expect(result.failures[1]!.reason).toMatch(/unreadable date/);
  });
});

describe('HTML article pages', () => {
  const paragraphs = Array.from(
    { length: 4 },
    (_, index) =>
      `<p>Paragraph ${index + 1} of the report on the Banjska monastery siege, with enough words to count as article text for the extractor.</p>`,
  ).join('\n');
  const page = `<!doctype html><html lang="en"><head>
    <title>Site | Page</title>
    <meta property="og:title" content="Gunmen storm Banjska monastery">
    <meta property="og:site_name" content="Northern Dispatch">
    <meta property="article:published_time" content="2023-09-24T09:15:00+02:00">
    <link rel="canonical" href="https://dispatch.example.org/banjska">
    </head><body>
    <nav><a href="/">Home</a><a href="/world">World</a></nav>
    <article><h1>Gunmen storm Banjska monastery</h1>${paragraphs}</article>
    <footer><p>Subscribe to our newsletter. We use cookies.</p></footer>
    </body></html>`;

  it('extracts the main text with Readability and the metadata from meta tags', () => {
    const { articles, failures } = parse('page.html', page);
    expect(failures).toEqual([]);
    expect(articles[0]).toMatchObject({
      title: 'Gunmen storm Banjska monastery',
      outlet: 'Northern Dispatch',
      url: 'https://dispatch.example.org/banjska',
      published: '2023-09-24T07:15:00.000Z',
    });
    expect(articles[0]!.body).toMatch(/^Paragraph 1 of the report/);
    expect(articles[0]!.body.split('\n\n')).toHaveLength(4);
    expect(articles[0]!.body).not.toMatch(/newsletter|cookies|Home/);
  });

  it('fails clearly on a page without article text', () => {
    expect(
      parse('empty.html', '<html><body><nav>menu</nav></body></html>').failures[0]!.reason,
    ).toMatch(/no article text|no title/);
  });
});

describe('files that are not articles', () => {
  it('refuses empty, binary and non-UTF-8 files with the reason', () => {
    expect(parseDocument('e.txt', new Uint8Array(), FALLBACK).failures[0]!.reason).toBe(
      'empty file',
    );
    expect(parseDocument('blank.txt', bytes('  \n\n '), FALLBACK).failures[0]!.reason).toBe(
      'empty file',
    );
    expect(
      parseDocument('b.bin', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), FALLBACK)
        .failures[0]!.reason,
    ).toBe('binary file, not text');
    expect(
      parseDocument('l.txt', new Uint8Array([0x54, 0xe9, 0x74, 0xe9]), FALLBACK).failures[0]!
        .reason,
    ).toBe('not valid UTF-8 text');
  });

  it('refuses a file over the size limit without reading it as an article', () => {
    const big = new Uint8Array(5 * 1024 * 1024).fill(0x61);
    expect(parseDocument('big.txt', big, FALLBACK).failures[0]!.reason).toMatch(
      /^file too large \(5\.0 MB/,
    );
  });

  it('detects the format of a file without a known extension', () => {
    expect(parse('noext', JSON.stringify({ title: 'A', body: 'a.' })).articles[0]!.title).toBe('A');
    expect(parse('noext2', 'Plain title\n\nPlain body.').articles[0]!.title).toBe('Plain title');
  });
});
