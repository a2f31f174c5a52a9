import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { Analysis } from '../analysis/analysis.ts';
import { analyzeArticle } from '../analysis/analyze.ts';
import { articleId } from '../corpus/article-id.ts';
import type { ArticleInput } from '../corpus/article.ts';
import { readArticleFiles, walkFiles } from '../corpus/ingest.ts';
import type { ParseFailure } from '../corpus/parse/parse-error.ts';
import { systemClock } from '../core/clock.ts';
import { readDocument } from '../sources/read-document.ts';
import { UsageError, type CliContext, type CliIo } from './io.ts';

/** The `sitrep analyze` record: id and origin, then the analysis in the field order docs/architecture.md gives. */
function record(id: string, origin: string, analysis: Analysis): string {
  return `${JSON.stringify({ id, origin, ...analysis })}\n`;
}

/** Text taken as it is: the whole of it is the body, so offsets index into it exactly. */
const analyzeText = (text: string): Analysis =>
  analyzeArticle({ title: '', body: text, published: '' });

const verbatimId = (text: string) => articleId({ url: null, title: '', body: text });

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Each input's bytes: standard input for `-`, else every file a path names (folders walked). */
async function* inputBytes(
  targets: readonly string[],
  io: CliIo,
  failures: ParseFailure[],
): AsyncGenerator<{ origin: string; bytes: Buffer }> {
  for (const target of targets) {
    if (target === '-') {
      yield { origin: '-', bytes: await readAll(io.stdin) };
      continue;
    }
    for await (const file of walkFiles([target], failures))
      yield { origin: file.path, bytes: await readFile(file.path) };
  }
}

/** The articles of each input, read exactly as `sitrep ingest` reads them. */
async function* parsedArticles(
  targets: readonly string[],
  io: CliIo,
  failures: ParseFailure[],
): AsyncGenerator<ArticleInput> {
  for (const target of targets) {
    if (target === '-') {
      const parsed = readDocument('-', await readAll(io.stdin), systemClock.now().toISOString());
      failures.push(...parsed.failures);
      yield* parsed.articles;
    } else {
      yield* readArticleFiles([target], failures, { clock: systemClock, readDocument });
    }
  }
}

/** `{"id","text"}` lines: one record per line, or an error line naming the line. */
async function analyzeLines(origin: string, bytes: Buffer, io: CliIo): Promise<number> {
  let failed = 0;
  let number = 0;
  for await (const line of createInterface({
    input: Readable.from([bytes]),
    crlfDelay: Infinity,
  })) {
    number++;
    if (!line.trim()) continue;
    let input: unknown;
    try {
      input = JSON.parse(line);
    } catch {
      input = null;
    }
    const { id, text } = (input ?? {}) as { id?: unknown; text?: unknown };
    if (typeof text !== 'string') {
      failed++;
      io.stdout.write(
        `${JSON.stringify({ origin, line: number, error: 'expected {"id","text"} with a string text' })}\n`,
      );
      continue;
    }
    const given = typeof id === 'string' || typeof id === 'number' ? String(id) : String(number);
    io.stdout.write(record(given, `${origin}:${number}`, analyzeText(text)));
  }
  return failed;
}

export async function analyze(argv: string[], { io }: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      plain: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
    },
  });
  if (values.plain && values.jsonl) throw new UsageError('--plain and --jsonl do not go together');
  if (positionals.length === 0 && io.stdin.isTTY)
    throw new UsageError('analyze needs a file, or text piped to it');
  const targets = positionals.length > 0 ? positionals : ['-'];
  for (const target of targets) {
    if (target !== '-' && !(await stat(target).catch(() => null)))
      throw new UsageError(`no such file or folder: ${target}`);
  }
  const failures: ParseFailure[] = [];
  let failed = 0;
  if (values.plain || values.jsonl) {
    for await (const { origin, bytes } of inputBytes(targets, io, failures)) {
      if (values.jsonl) {
        failed += await analyzeLines(origin, bytes, io);
      } else {
        const text = bytes.toString('utf8');
        io.stdout.write(record(verbatimId(text), origin, analyzeText(text)));
      }
    }
  } else {
    for await (const article of parsedArticles(targets, io, failures))
      io.stdout.write(record(articleId(article), article.origin, analyzeArticle(article)));
  }
  for (const failure of failures)
    io.stderr.write(`sitrep analyze: ${failure.origin}: ${failure.reason}\n`);
  return failed + failures.length > 0 ? 1 : 0;
}
