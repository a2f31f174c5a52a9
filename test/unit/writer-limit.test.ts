import { describe, expect, it } from 'vitest';
import type { BriefingWriter, WriterRequest, WriterResult } from '../../src/briefing/writer.ts';
import { limitConcurrency } from '../../src/briefing/writer-limit.ts';

const request: WriterRequest = {
  topic: 'Kosovo',
  cacheKey: 'k',
  snippets: [],
  sourceTexts: new Map(),
};

describe('the cap on concurrent model calls', () => {
  it('answers over-cap requests at once with a fallback and frees slots as calls finish', async () => {
    const releases: (() => void)[] = [];
    let calls = 0;
    const slow: BriefingWriter = {
      write: () =>
        new Promise<WriterResult>((resolve) => {
          calls++;
          releases.push(() => resolve({ ok: true, summary: [], dropped: 0 }));
        }),
    };
    const capped = limitConcurrency(slow, 2);
    const first = capped.write(request);
    const second = capped.write(request);
    expect(await capped.write(request)).toEqual({ ok: false, reason: 'rate-limited' });
    expect(calls).toBe(2);
    releases.forEach((release) => release());
    await Promise.all([first, second]);
    void capped.write(request);
    expect(calls).toBe(3);
  });
});
