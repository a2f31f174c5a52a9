import { describe, expect, it } from 'vitest';
import { buildBriefing, withModelSummary } from '../../src/briefing/briefing-view.ts';
import type { BriefingWriter, WriterRequest } from '../../src/briefing/writer.ts';
import { briefingArticles } from '../fixtures/briefing-articles.ts';
import { createTestApp } from '../helpers/app.ts';

function draft() {
  const app = createTestApp('2023-10-02T00:00:00Z');
  app.ingester.ingestArticles(briefingArticles);
  const built = buildBriefing(app.store, 'kosovo', new Date('2023-10-02T00:00:00Z'), 10);
  app.close();
  return built;
}

describe('withModelSummary', () => {
  it('hands the writer one numbered snippet and the full text per listed source', async () => {
    const requests: WriterRequest[] = [];
    const writer: BriefingWriter = {
      write: async (request) => {
        requests.push(request);
        return { ok: true, summary: [{ text: 'Checked.', citations: [1] }], dropped: 0 };
      },
    };
    const base = draft();
    const { view, note } = await withModelSummary(base, writer, 'key');
    expect(requests[0]!.snippets.map((snippet) => snippet.n)).toEqual(
      base.view.sources.map((source) => source.n),
    );
    expect([...requests[0]!.sourceTexts.keys()]).toEqual(base.view.sources.map((s) => s.n));
    expect(view.summaryBy).toBe('model');
    expect(note).toMatch(/checked against the sources/);
  });

  it('keeps the extractive summary when the writer fails unexpectedly', async () => {
    const writer: BriefingWriter = {
      write: () => Promise.reject(new Error('socket hang up')),
    };
    const base = draft();
    const { view, note } = await withModelSummary(base, writer, 'key');
    expect(view.summary).toEqual(base.view.summary);
    expect(view.summaryBy).toBe('extractive');
    expect(note).toMatch(/could not be reached/);
  });
});
