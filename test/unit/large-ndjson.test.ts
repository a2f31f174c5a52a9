import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import type { ArticleInput } from '../../src/corpus/article.ts';
import { readArticleFiles } from '../../src/corpus/ingest.ts';
import type { ParseFailure } from '../../src/corpus/parse/parse-error.ts';
import { MAX_FILE_BYTES } from '../../src/corpus/parse/parse-document.ts';

const folder = mkdtempSync(join(tmpdir(), 'sitrep-ndjson-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const record = (n: number) =>
  JSON.stringify({
    title: `Convoy ${n} reaches the crossing`,
    body: `Aid convoy number ${n} crossed the border at dawn with ${n % 40} lorries of flour and medicine. ${'The drivers waited for hours at the checkpoint. '.repeat(60)}`,
    published: '2024-02-01T08:00:00Z',
  });

async function read(path: string) {
  const failed: ParseFailure[] = [];
  const articles: ArticleInput[] = [];
  const files: number[] = [];
  for await (const article of readArticleFiles([path], failed, {
    clock: fixedClock('2024-03-01T00:00:00Z'),
    onFile: (_, count) => files.push(count),
  }))
    articles.push(article);
  return { failed, articles, files };
}

describe('an NDJSON file over the size limit', () => {
  // 3,000 records of 3 KB (9 MB in all), one record larger than the whole-file limit at line
  // 1,501, and a blank line: read line by line in slices the parser accepts, with only the big
  // record refused.
  const path = join(folder, 'convoys.ndjson');
  const lines = Array.from({ length: 3000 }, (_, index) => record(index + 1));
  const huge = JSON.stringify({ title: 'Too big', body: 'flour '.repeat(MAX_FILE_BYTES / 5) });
  lines.splice(1500, 0, huge);
  lines.splice(2500, 0, '');
  writeFileSync(path, `${lines.join('\n')}\n`);

  it('is streamed instead of refused, and only the oversized record fails', async () => {
    expect(statSync(path).size).toBeGreaterThan(MAX_FILE_BYTES);
    const { failed, articles, files } = await read(path);
    expect(failed).toEqual([
      { origin: `${path}:1501`, reason: expect.stringMatching(/^record too large/) },
    ]);
    expect(articles).toHaveLength(3000);
    expect(files).toEqual([3000]);
    expect(articles[0]).toMatchObject({ title: 'Convoy 1 reaches the crossing' });
    // Origins keep the file's own line numbers past the big record and the blank line.
    const last = articles.at(-1)!;
    expect(last.title).toBe('Convoy 3000 reaches the crossing');
    expect(last.origin).toMatch(/:3002$/);
    expect(articles[1500]!.origin).toMatch(/:1502$/);
  });

  it('stays refused whole when it is not NDJSON', async () => {
    const text = join(folder, 'convoys.txt');
    writeFileSync(text, lines.join('\n'));
    const { failed, articles } = await read(text);
    expect(articles).toEqual([]);
    expect(failed[0]?.reason).toMatch(/^file too large/);
  });
});
