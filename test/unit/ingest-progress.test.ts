import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  createProgress,
  formatDuration,
  progressLine,
  summaryLine,
} from '../../src/cli/ingest-progress.ts';

describe('ingest progress', () => {
  it('tells articles done, rate, share read and time left', () => {
    expect(progressLine({ items: 1500, bytesRead: 25, bytesTotal: 100, elapsedMs: 10_000 })).toBe(
      '1,500 articles done, 150/s, 25% read, ETA 0:30',
    );
    expect(progressLine({ items: 1, bytesRead: 0, bytesTotal: 0, elapsedMs: 500 })).toBe(
      '1 article done, 2/s',
    );
    expect(summaryLine(100_000, 3_723_000)).toBe('ingested 100,000 articles in 1:02:03 (27/s)');
    expect(formatDuration(59_600)).toBe('1:00');
  });

  it('redraws the line in place at most every 200 ms, and ends with the summary', () => {
    const stream = new PassThrough();
    let written = '';
    stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
    let now = 0;
    const progress = createProgress(stream, () => now);
    const state = { items: 10, bytesRead: 50, bytesTotal: 100 };
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
