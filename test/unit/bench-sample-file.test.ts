import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleWriter, readArticles } from '../../bench/load-corpus.ts';
import type { ArticleInput } from '../../src/corpus/article.ts';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true })));

function samplePath(): string {
  const folder = mkdtempSync(join(tmpdir(), 'sitrep-sample-'));
  folders.push(folder);
  return join(folder, 'sample.jsonl');
}

/** Bodies of two-byte and four-byte characters, so the reader's megabyte reads split some. */
function articles(count: number): ArticleInput[] {
  return Array.from({ length: count }, (_, index) => ({
    title: `Report ${index}`,
    body: `Мирные переговоры 🕊 ${index} `.repeat(400),
    published: '2024-01-01T00:00:00.000Z',
    url: `https://example.com/${index}`,
    outlet: 'Example',
    tags: [],
    lang: 'ru',
    origin: 'test',
  }));
}

describe('the bench sample file', () => {
  it('reads back every article written, across reads that split characters', () => {
    const path = samplePath();
    const written = articles(200);
    const writer = new ArticleWriter(path);
    written.forEach((article) => writer.write(article));
    writer.close();
    expect([...readArticles(path)]).toEqual(written);
  });

  it('stops at the limit, and a missing file holds no articles', () => {
    const path = samplePath();
    const writer = new ArticleWriter(path);
    articles(5).forEach((article) => writer.write(article));
    writer.close();
    expect([...readArticles(path, 3)].map((article) => article.title)).toEqual([
      'Report 0',
      'Report 1',
      'Report 2',
    ]);
    expect([...readArticles(`${path}.missing`)]).toEqual([]);
  });
});
