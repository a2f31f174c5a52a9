import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Analysis, Analyzer } from '../analysis/analysis.ts';
import type { Clock } from '../core/clock.ts';
import type { Article, ArticleInput } from './article.ts';
import { MAX_FILE_BYTES, parseDocument } from './parse/parse-document.ts';
import type { ParseFailure } from './parse/parse-error.ts';
import type { Store } from './store/store.ts';

/** What one ingest did, item by item, so the CLI and the inbox can say exactly that. */
export interface IngestReport {
  added: Article[];
  duplicates: { origin: string; title: string; duplicateOf: string; reason: string }[];
  failed: ParseFailure[];
}

/**
 * Work that must commit together with an article (people, events, stories): it runs inside the
 * article's transaction, so a crash never leaves an article half-indexed.
 */
export type Indexer = (article: Article, analysis: Analysis) => void;

export interface Ingester {
  ingestArticles(inputs: readonly ArticleInput[]): IngestReport;
  /** Files and folders; inside folders (recursively) README, LICENSE and dot-files are skipped. */
  ingestPaths(paths: readonly string[]): Promise<IngestReport>;
}

const emptyReport = (): IngestReport => ({ added: [], duplicates: [], failed: [] });

function merge(into: IngestReport, from: IngestReport): IngestReport {
  into.added.push(...from.added);
  into.duplicates.push(...from.duplicates);
  into.failed.push(...from.failed);
  return into;
}

const SKIPPED = /^(\.|readme(\.|$)|license(\.|$))/i;

export function createIngester(options: {
  store: Store;
  analyze: Analyzer;
  clock: Clock;
  indexers?: readonly Indexer[];
  /** Told what each ingest call did (metrics). */
  observe?: (report: IngestReport) => void;
}): Ingester {
  const { store, analyze, clock, indexers = [], observe = () => {} } = options;

  function ingestArticles(inputs: readonly ArticleInput[]): IngestReport {
    const report = emptyReport();
    for (const input of inputs) {
      const analysis = analyze(input);
      store.transaction(() => {
        const result = store.addArticle(input, analysis);
        if (result.status === 'duplicate') {
          report.duplicates.push({
            origin: input.origin,
            title: input.title,
            duplicateOf: result.article.id,
            reason: result.reason,
          });
          return;
        }
        for (const index of indexers) index(result.article, analysis);
        report.added.push(result.article);
      });
    }
    return report;
  }

  async function ingestFile(path: string): Promise<IngestReport> {
    const info = await stat(path);
    if (info.size > MAX_FILE_BYTES) {
      const mb = (info.size / 1024 / 1024).toFixed(1);
      return {
        ...emptyReport(),
        failed: [
          {
            origin: path,
            reason: `file too large (${mb} MB, limit ${MAX_FILE_BYTES / 1024 / 1024} MB)`,
          },
        ],
      };
    }
    const fallback = (info.mtime.getTime() > 0 ? info.mtime : clock.now()).toISOString();
    const parsed = parseDocument(path, await readFile(path), fallback);
    const report = ingestArticles(parsed.articles);
    report.failed.push(...parsed.failures);
    return report;
  }

  async function ingestPath(path: string): Promise<IngestReport> {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      return {
        ...emptyReport(),
        failed: [
          {
            origin: path,
            reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
          },
        ],
      };
    }
    if (!info.isDirectory()) return ingestFile(path);
    const report = emptyReport();
    const entries = (await readdir(path)).filter((name) => !SKIPPED.test(name)).sort();
    for (const name of entries) merge(report, await ingestPath(join(path, name)));
    return report;
  }

  return {
    ingestArticles(inputs) {
      const report = ingestArticles(inputs);
      observe(report);
      return report;
    },
    async ingestPaths(paths) {
      const report = emptyReport();
      for (const path of paths) merge(report, await ingestPath(path));
      observe(report);
      return report;
    },
  };
}
