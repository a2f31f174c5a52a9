import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { articleId } from '../corpus/article-id.ts';
import { MAX_FILE_BYTES, parseDocument } from '../corpus/parse/parse-document.ts';
import type { Analysis } from './analysis.ts';
import { analyzeArticle } from './analyze.ts';

interface AnalyzeIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** The `sitrep analyze` record: the article id, then the analysis in DESIGN.md's field order. */
function record(id: string, analysis: Analysis): string {
  return JSON.stringify({ id, ...analysis });
}

const analyzeText = (text: string): Analysis =>
  analyzeArticle({ title: '', body: text, published: '' });

async function readInput(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `sitrep analyze [--plain] [--jsonl] [FILE...]`: one JSON line per article. Files are parsed
 * like ingest does (title, date and body from text, markdown, JSON or HTML) unless `--plain`
 * asks for their text verbatim; with no file, stdin is read as plain text. `--jsonl` reads
 * `{"id","text"}` lines from stdin and answers each with one line (an `error` line for a line
 * that is not such an object). Returns the exit code: 1 when any input failed.
 */
export async function runAnalyze(argv: string[], io: AnalyzeIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      plain: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
    },
  });
  let failed = 0;
  if (values.jsonl) {
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
    let number = 0;
    for await (const line of lines) {
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
          `${JSON.stringify({ line: number, error: 'expected {"id","text"} with a string text' })}\n`,
        );
        continue;
      }
      io.stdout.write(
        `${record(typeof id === 'string' || typeof id === 'number' ? String(id) : String(number), analyzeText(text))}\n`,
      );
    }
    return failed > 0 ? 1 : 0;
  }
  if (positionals.length === 0) {
    const text = await readInput(io.stdin);
    io.stdout.write(
      `${record(articleId({ url: null, title: '', body: text }), analyzeText(text))}\n`,
    );
    return 0;
  }
  for (const path of positionals) {
    let bytes: Buffer;
    try {
      if ((await stat(path)).size > MAX_FILE_BYTES) throw new Error('file too large');
      bytes = await readFile(path);
    } catch (error) {
      failed++;
      io.stderr.write(`sitrep analyze: ${path}: ${(error as Error).message}\n`);
      continue;
    }
    if (values.plain) {
      const text = bytes.toString('utf8');
      io.stdout.write(
        `${record(articleId({ url: null, title: '', body: text }), analyzeText(text))}\n`,
      );
      continue;
    }
    const parsed = parseDocument(path, bytes, new Date(0).toISOString());
    for (const failure of parsed.failures) {
      failed++;
      io.stderr.write(`sitrep analyze: ${failure.origin}: ${failure.reason}\n`);
    }
    for (const article of parsed.articles)
      io.stdout.write(`${record(articleId(article), analyzeArticle(article))}\n`);
  }
  return failed > 0 ? 1 : 0;
}
