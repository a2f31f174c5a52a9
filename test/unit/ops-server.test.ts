import { afterEach, describe, expect, it } from 'vitest';
import { emptyAnalysis } from '../../src/analysis/analysis.ts';
import { startOpsServer, type OpsServer } from '../../src/ops/http-server.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { createTestApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';

let server: OpsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the operations endpoint', () => {
  it('reports health with the corpus size and metrics in Prometheus text', async () => {
    const app = createTestApp();
    app.store.addArticle(article(), emptyAnalysis());
    const metrics = createMetrics();
    metrics.commandAnswered('briefing', 'ok', 42);
    metrics.commandAnswered('briefing', 'user-error', 3);
    metrics.articlesIngested('added', 5);
    metrics.deliveryFinished('discord', 'sent');
    metrics.observeBacklog(() => 7);
    server = await startOpsServer({ port: 0, store: app.store, metrics });
    const base = `http://127.0.0.1:${server.port}`;

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'ok',
      articles: 1,
      newest: '2023-09-24T08:00:00.000Z',
    });

    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('sitrep_commands_total{command="briefing",outcome="ok"} 1');
    expect(text).toContain('sitrep_commands_total{command="briefing",outcome="user-error"} 1');
    expect(text).toContain('sitrep_ingest_articles_total{result="added"} 5');
    expect(text).toContain('sitrep_deliveries_total{platform="discord",outcome="sent"} 1');
    expect(text).toContain('sitrep_outbox_backlog 7');
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it('answers 503 when the database is gone', async () => {
    const app = createTestApp();
    server = await startOpsServer({ port: 0, store: app.store, metrics: createMetrics() });
    app.close();
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(503);
  });
});
