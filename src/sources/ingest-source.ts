import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Ingester, IngestReport } from '../corpus/ingest.ts';
import { MAX_FILE_BYTES, parseDocument } from '../corpus/parse/parse-document.ts';
import { ParseError } from '../corpus/parse/parse-error.ts';
import type { Clock } from '../core/clock.ts';
import { decodeFeed } from './feed-encoding.ts';
import { looksLikeFeed, parseFeedDocument } from './feed-items.ts';
import { FetchError, safeFetch, type SafeFetchOptions } from './safe-fetch.ts';

const FEED_EXTENSIONS = new Set(['.xml', '.rss', '.atom', '.rdf']);

export interface IngestSourceOptions {
  ingester: Ingester;
  clock: Clock;
  fetch?: Pick<SafeFetchOptions, 'allowPrivate' | 'timeoutMs' | 'maxBytes'>;
}

const failed = (origin: string, reason: string): IngestReport => ({
  added: [],
  duplicates: [],
  failed: [{ origin, reason }],
});

function ingestDocument(
  origin: string,
  bytes: Buffer,
  fallbackDate: string,
  ingester: Ingester,
): IngestReport {
  const text = decodeFeed(bytes);
  if (looksLikeFeed(text)) {
    try {
      const feed = parseFeedDocument(text, origin, fallbackDate);
      const report = ingester.ingestArticles(feed.items.map((item) => item.article).reverse());
      report.failed.push(...feed.failures);
      return report;
    } catch (error) {
      if (error instanceof ParseError) return failed(origin, error.message);
      throw error;
    }
  }
  const parsed = parseDocument(origin, bytes, fallbackDate);
  const report = ingester.ingestArticles(parsed.articles);
  report.failed.push(...parsed.failures);
  return report;
}

/**
 * Ingests what `sitrep ingest` and the inbox are given: an http(s) URL of a feed or an article
 * page (fetched with `safeFetch`), a saved feed file (RSS, Atom, RDF, JSON Feed), or any file or
 * folder the corpus parsers read.
 */
export async function ingestSource(
  target: string,
  options: IngestSourceOptions,
): Promise<IngestReport> {
  const now = options.clock.now().toISOString();
  if (/^https?:\/\//i.test(target)) {
    try {
      const response = await safeFetch(target, options.fetch);
      if (response.status !== 200) return failed(target, `HTTP ${response.status}`);
      return ingestDocument(target, response.body, now, options.ingester);
    } catch (error) {
      if (error instanceof FetchError) return failed(target, `${error.kind}: ${error.message}`);
      throw error;
    }
  }
  const info = await stat(target).catch(() => null);
  if (info?.isFile() && info.size <= MAX_FILE_BYTES) {
    const head = FEED_EXTENSIONS.has(extname(target).toLowerCase())
      ? null
      : (await readFile(target)).subarray(0, 600).toString('utf8');
    if (head === null || looksLikeFeed(head)) {
      return ingestDocument(target, await readFile(target), now, options.ingester);
    }
  }
  // Folders, articles, and files too large to read (the ingester reports their size).
  return options.ingester.ingestPaths([target]);
}
