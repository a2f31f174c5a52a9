import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../corpus/store/store.ts';
import type { Metrics } from './metrics.ts';

export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The optional operations endpoint: `/healthz` (200 while the database answers, 503 otherwise)
 * and `/metrics` (Prometheus text). Binds to loopback unless told otherwise, since metrics are
 * for the operator, not the internet.
 */
export async function startOpsServer(options: {
  port: number;
  host?: string;
  store: Store;
  metrics: Metrics;
}): Promise<OpsServer> {
  const { store, metrics } = options;
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    if (path === '/healthz') {
      try {
        const body = JSON.stringify({
          status: 'ok',
          articles: store.count(),
          newest: store.newest()?.published ?? null,
        });
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      } catch {
        response
          .writeHead(503, { 'content-type': 'application/json' })
          .end('{"status":"database unavailable"}');
      }
      return;
    }
    if (path === '/metrics') {
      metrics.registry
        .metrics()
        .then((text) =>
          response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        )
        .catch(() => response.writeHead(500).end());
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
