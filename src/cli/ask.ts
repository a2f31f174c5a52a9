import { parseArgs } from 'node:util';
import { fixedClock, systemClock } from '../core/clock.ts';
import { createLogger } from '../core/logger.ts';
import { createApp } from '../main.ts';
import { renderConsole } from '../platforms/console/render.ts';
import { answerInput } from '../platforms/console/repl.ts';
import { llmOptions } from './app-options.ts';
import { UsageError, type CliContext } from './io.ts';

/** `--json` output: image blocks are described (alt text, size), never dumped as bytes. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (
    value !== null &&
    typeof value === 'object' &&
    (value as { type?: unknown }).type === 'image' &&
    (value as { png?: unknown }).png instanceof Uint8Array
  ) {
    const image = value as { alt: string; png: Uint8Array };
    return { type: 'image', alt: image.alt, bytes: image.png.length };
  }
  return value;
}

export async function ask(argv: string[], { io, config: readConfig }: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      corpus: { type: 'string', multiple: true },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      now: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('ask takes exactly one quoted command line');
  let clock = systemClock;
  if (values.now !== undefined) {
    try {
      clock = fixedClock(values.now);
    } catch {
      throw new UsageError(`--now is not a date: ${values.now}`);
    }
  }
  const config = readConfig();
  const corpora = values.corpus ?? [];
  const db = values.db ?? (corpora.length > 0 ? ':memory:' : config.SITREP_DB);
  const app = createApp({
    db,
    clock,
    logger: createLogger(config.LOG_LEVEL),
    ...llmOptions(config),
    analysisThreads: config.SITREP_ANALYSIS_THREADS,
  });
  try {
    if (corpora.length > 0) {
      const report = await app.ingester.ingestPaths(corpora);
      for (const failure of report.failed)
        io.stderr.write(`skipped ${failure.origin}: ${failure.reason}\n`);
    }
    const result = await answerInput(positionals[0]!, {
      dispatch: app.dispatch,
      services: app.services,
      readOnly: true,
    });
    if (values.json) {
      io.stdout.write(
        `${JSON.stringify({ reply: result.reply, data: result.data }, jsonReplacer, 2)}\n`,
      );
    } else {
      io.stdout.write(
        `${renderConsole(result.reply, { width: io.stdout.columns ?? 100, colour: false })}\n`,
      );
    }
    if (result.outcome === 'ok') return 0;
    // With --json, stdout holds JSON only: the one readable line goes to stderr.
    if (values.json)
      io.stderr.write(`${result.reply.blocks.map((b) => ('text' in b ? b.text : '')).join(' ')}\n`);
    return 1;
  } finally {
    app.close();
  }
}
