import { describe, expect, it } from 'vitest';
import { ErrorId } from '../../src/core/errors.ts';
import { createApp } from '../../src/main.ts';
import { createSourceState } from '../../src/sources/source-state.ts';
import { invoke } from '../fakes/invoke.ts';
import { manualClock } from '../fakes/manual-clock.ts';

function setup() {
  const clock = manualClock('2023-09-30T12:00:00Z');
  const app = createApp({ db: ':memory:', clock });
  const state = createSourceState(app.store.db);
  const status = () => invoke(app.dispatch, app.services.commands, '/status');
  return { app, clock, state, status };
}

describe('/status', () => {
  it('reports corpus size, newest article, feeds and the outbox backlog', async () => {
    const { app, state, clock, status } = setup();
    app.ingester.ingestArticles([
      {
        title: 'KFOR adds patrols in the north',
        body: 'KFOR said it was adding patrols in northern Kosovo.',
        outlet: 'Balkan Wire',
        url: 'https://example.org/patrols',
        published: '2023-09-30T09:00:00Z',
        tags: [],
        lang: 'en',
        origin: 'test',
      },
    ]);
    state.configureFeeds([{ url: 'https://example.org/rss', topics: ['kosovo'] }]);
    state.recordSuccess('https://example.org/rss', clock.now(), {
      etag: null,
      lastModified: null,
      added: 1,
      nextPollAt: 0,
    });
    const result = await status();
    expect(result.outcome).toBe('ok');
    expect(result.data).toMatchObject({
      articles: 1,
      newest: { title: 'KFOR adds patrols in the north' },
      ingestionFailing: false,
      feeds: [{ url: 'https://example.org/rss', state: 'ok' }],
      outbox: { pending: 0 },
    });
  });

  it('says ingestion is failing instead of showing a quiet news day', async () => {
    const { state, clock, status } = setup();
    state.configureFeeds([
      { url: 'https://a.example/rss', topics: [] },
      { url: 'https://b.example/rss', topics: [] },
    ]);
    state.recordSuccess('https://a.example/rss', clock.now(), {
      etag: null,
      lastModified: null,
      added: 0,
      nextPollAt: 0,
    });
    clock.advance(3 * 3_600_000);
    for (const url of ['https://a.example/rss', 'https://b.example/rss'])
      for (let n = 0; n < 3; n++) state.recordFailure(url, clock.now(), 'HTTP 503', 0);
    const result = await status();
    expect(result.data).toMatchObject({ ingestionFailing: true });
    const text = JSON.stringify(result.reply);
    expect(text).toContain('every feed is failing or stale');
    expect(text).toContain('HTTP 503');
  });

  it('is open to everyone', async () => {
    const { app } = setup();
    const result = await invoke(app.dispatch, app.services.commands, '/status', {
      isManager: false,
    });
    expect(result.errorId).not.toBe(ErrorId.NotAllowed);
  });

  it('does not call the inbox failing while articles are being added after the failed files', async () => {
    const { app, state, clock, status } = setup();
    for (const file of ['a.txt', 'b.txt', 'c.txt']) {
      state.logInbox({
        file,
        outcome: 'failed',
        added: 0,
        reason: 'empty file',
        at: clock.now().toISOString(),
      });
      clock.advance(1000);
    }
    expect((await status()).data).toMatchObject({ ingestionFailing: true });
    clock.advance(1000);
    app.ingester.ingestArticles([
      {
        title: 'Convoy reaches Jarinje crossing',
        body: 'A convoy of trucks reached the Jarinje crossing on Saturday, officials said.',
        outlet: 'Balkan Wire',
        url: 'https://example.org/convoy',
        published: '2023-09-30T11:00:00Z',
        tags: [],
        lang: 'en',
        origin: 'big.ndjson:1',
      },
    ]);
    const result = await status();
    expect(result.data).toMatchObject({ ingestionFailing: false, problem: null });
  });

  it('says so when an inbox file is kept because its articles could not be stored', async () => {
    const { state, clock, status } = setup();
    state.logInbox({
      file: 'big.ndjson',
      outcome: 'kept',
      added: 15,
      reason: 'big.ndjson:16: not stored: database or disk is full',
      at: clock.now().toISOString(),
    });
    const result = await status();
    expect(result.data).toMatchObject({ ingestionFailing: true });
    expect(String((result.data as { problem: string }).problem)).toMatch(/big\.ndjson.*not stored/);
  });
});
