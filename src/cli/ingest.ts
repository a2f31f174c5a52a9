import { parseArgs } from 'node:util';
import { walkFiles, type IngestReport } from '../corpus/ingest.ts';
import { createLogger } from '../core/logger.ts';
import { createApp } from '../main.ts';
import { ingestSource } from '../sources/ingest-source.ts';
import { createProgress } from './ingest-progress.ts';
import { UsageError, type CliContext } from './io.ts';

const isUrl = (target: string) => /^https?:\/\//i.test(target);

/** The bytes of every file the targets name, for the progress line's share and ETA. */
async function inputBytes(targets: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const target of targets) {
    let bytes = 0;
    if (!isUrl(target)) for await (const file of walkFiles([target], [])) bytes += file.bytes;
    sizes.set(target, bytes);
  }
  return sizes;
}

const itemsOf = (report: IngestReport) =>
  report.added.length + report.duplicates.length + report.failed.length;

/**
 * What the ingest did, on `out`: a line per failure (per article too with `verbose`), then
 * the totals.
 */
export function printReport(
  report: IngestReport,
  out: NodeJS.WritableStream,
  verbose: boolean,
): void {
  if (verbose) {
    for (const article of report.added)
      out.write(`added      ${article.origin}  ${article.title}\n`);
    for (const duplicate of report.duplicates) {
      out.write(
        `duplicate  ${duplicate.origin}  ${duplicate.title} (${duplicate.reason}, of ${duplicate.duplicateOf})\n`,
      );
    }
  }
  for (const failure of report.failed)
    out.write(`failed     ${failure.origin}  ${failure.reason}\n`);
  out.write(
    `${report.added.length} added, ${report.duplicates.length} duplicate, ${report.failed.length} failed\n`,
  );
}

export async function ingest(
  argv: string[],
  { io, config: readConfig }: CliContext,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, verbose: { type: 'boolean', short: 'v', default: false } },
  });
  if (positionals.length === 0) throw new UsageError('ingest needs at least one file or folder');
  const config = readConfig();
  const app = createApp({
    db: values.db ?? config.SITREP_DB,
    logger: createLogger(config.LOG_LEVEL),
    analysisThreads: config.SITREP_ANALYSIS_THREADS,
  });
  try {
    const progress = io.stderr.isTTY ? createProgress(io.stderr, () => performance.now()) : null;
    const sizes = progress ? await inputBytes(positionals) : new Map<string, number>();
    const bytesTotal = [...sizes.values()].reduce((sum, bytes) => sum + bytes, 0);
    const report: IngestReport = { added: [], duplicates: [], failed: [] };
    const before = { bytes: 0, articles: 0 };
    for (const target of positionals) {
      const one = await ingestSource(target, {
        ingester: app.ingester,
        clock: app.services.clock,
        fetch: { allowPrivate: config.SITREP_ALLOW_PRIVATE_FETCH },
        ...(progress
          ? {
              onProgress: (now) =>
                progress.update({
                  items: itemsOf(report) + itemsOf(now.report),
                  articlesRead: before.articles + now.articlesRead,
                  bytesRead: before.bytes + now.bytesRead,
                  bytesTotal,
                }),
            }
          : {}),
      });
      report.added.push(...one.added);
      report.duplicates.push(...one.duplicates);
      report.failed.push(...one.failed);
      before.bytes += sizes.get(target) ?? 0;
      before.articles += one.added.length + one.duplicates.length;
    }
    progress?.finish(itemsOf(report));
    printReport(report, io.stdout, values.verbose);
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    app.close();
  }
}
