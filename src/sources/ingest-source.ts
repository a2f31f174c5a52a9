import type { Ingester, IngestOptions, IngestReport } from '../corpus/ingest.ts';
import type { Clock } from '../core/clock.ts';
import { readDocument } from './read-document.ts';
import { FetchError, safeFetch, type SafeFetchOptions } from './safe-fetch.ts';

export interface IngestSourceOptions {
  ingester: Ingester;
  clock: Clock;
  fetch?: Pick<SafeFetchOptions, 'allowPrivate' | 'timeoutMs' | 'maxBytes'>;
  /** A live source's ingest, beside commands (see `IngestOptions.background`). */
  background?: boolean;
  /** Stops the ingest (see `IngestOptions.signal`). */
  signal?: AbortSignal;
  /** How far a file or folder has got (see `IngestOptions.onProgress`). */
  onProgress?: IngestOptions['onProgress'];
}

const failed = (origin: string, reason: string): IngestReport => ({
  added: [],
  duplicates: [],
  failed: [{ origin, reason }],
});

/**
 * Ingests what `sitrep ingest` and the inbox are given: an http(s) URL of a feed or an article
 * page (fetched with `safeFetch`), or any file or folder, saved feeds included (the ingester
 * reads files with `readDocument`, as this does a fetched document).
 */
export async function ingestSource(
  target: string,
  options: IngestSourceOptions,
): Promise<IngestReport> {
  const how = {
    background: options.background ?? false,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  if (!/^https?:\/\//i.test(target)) return options.ingester.ingestPaths([target], how);
  let response;
  try {
    response = await safeFetch(target, options.fetch);
  } catch (error) {
    if (error instanceof FetchError) return failed(target, `${error.kind}: ${error.message}`);
    throw error;
  }
  if (response.status !== 200) return failed(target, `HTTP ${response.status}`);
  const parsed = readDocument(
    target,
    response.body,
    options.clock.now().toISOString(),
    response.headers['content-type'],
  );
  const report = await options.ingester.ingestStream(parsed.articles, how);
  report.failed.push(...parsed.failures);
  return report;
}
