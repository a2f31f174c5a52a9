import { describe, expect, it } from 'vitest';
import { ErrorId } from '../../src/core/errors.ts';
import type { SourceRef } from '../../src/core/reply.ts';
import { createTestApp, invocation } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';

function appWith(count: number) {
  const app = createTestApp();
  app.ingester.ingestArticles(
    Array.from({ length: count }, (_, i) =>
      article({
        title: `Kosovo report ${i}`,
        body: `Kosovo report number ${i} on the northern crossings.`,
        url: `https://example.org/kosovo/${i}`,
        published: new Date(Date.UTC(2023, 8, 1 + i)).toISOString(),
      }),
    ),
  );
  return app;
}

describe('/sources pages', () => {
  it('offers the next page while more articles exist, numbering on from the last page', async () => {
    const app = appWith(23);
    const first = await app.dispatch(invocation('sources', { topic: 'kosovo' }));
    expect(first.reply.actions).toEqual([
      { label: 'More sources', commandLine: '/sources "kosovo" page:2' },
    ]);
    const third = await app.dispatch(invocation('sources', { topic: 'kosovo', page: 3 }));
    const data = third.data as { page: number; sources: SourceRef[] };
    expect(data.page).toBe(3);
    expect(data.sources.map((source) => source.n)).toEqual([21, 22, 23]);
    expect(data.sources[0]?.title).toBe('Kosovo report 2');
    expect(third.reply.actions).toEqual([]);
    app.close();
  });

  it('refuses a page past the end with the last page', async () => {
    const app = appWith(12);
    const result = await app.dispatch(invocation('sources', { page: 3 }));
    expect(result.errorId).toBe(ErrorId.NoCoverage);
    expect(result.reply.blocks[0]).toMatchObject({ text: expect.stringContaining('is 2') });
    app.close();
  });
});
