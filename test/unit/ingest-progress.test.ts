import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  createProgress,
  formatDuration,
  progressLine,
  summaryLine,
} from '../../src/cli/ingest-progress.ts';

describe('ingest progress', () => {
  it('tells articles done of those expected, rate and time left', () => {
    const reading = { articlesRead: 400, bytesRead: 25, bytesTotal: 100 };
    // A quarter of the bytes held 400 articles: some 1,600 in all, 1,450 to go at 15/s.
    expect(progressLine({ ...reading, items: 150, elapsedMs: 10_000 })).toBe(
      '150 of ~1,600 articles, 15/s, ETA 1:37',
    );
    const allRead = { articlesRead: 100, bytesRead: 100, bytesTotal: 100 };
    expect(progressLine({ ...allRead, items: 50, elapsedMs: 5_000 })).toBe(
      '50 of 100 articles, 10/s, ETA 0:05',
    );
    const unknown = { articlesRead: 0, bytesRead: 0, bytesTotal: 0 };
    expect(progressLine({ ...unknown, items: 1, elapsedMs: 500 })).toBe('1 article done, 2/s');
    expect(summaryLine(100_000, 3_723_000)).toBe('ingested 100,000 articles in 1:02:03 (27/s)');
    expect(formatDuration(59_600)).toBe('1:00');
  });

  it('redraws the line in place at most every 200 ms, and ends with the summary', () => {
    const stream = new PassThrough();
    let written = '';
    stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
    let now = 0;
    const progress = createProgress(stream, () => now);
    const state = { items: 10, articlesRead: 40, bytesRead: 50, bytesTotal: 100 };
    progress.update(state);
    now = 150;
    progress.update({ ...state, items: 20 });
    now = 400;
    progress.update({ ...state, items: 30 });
    progress.finish(40);
    const draws = written.split('\r').filter(Boolean);
    expect(draws.map((draw) => draw.split(' ')[0])).toEqual(['10', '30', 'ingested']);
    expect(draws.at(-1)).toBe('ingested 40 articles in 0:00 (100/s)\u001b[K\n');
  });
});
