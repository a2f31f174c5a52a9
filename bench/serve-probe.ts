import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Invocation } from '../src/core/invocation.ts';
import { autocompletePrefixes, briefingQueries, whoQueries } from './queries.ts';
import { peakRssMb, percentiles, type Percentiles } from './stats.ts';

/**
 * The serving half of the benchmark, run in a fresh process on a corpus database that is
 * already built: time to ready (load the app, open the store, answer `/help`), then `/who`,
 * `/briefing` and autocomplete latencies, then this process's peak RSS. It prints one JSON
 * object on stdout. A separate process keeps the generator and the bulk load out of the
 * start-up time and the serving RSS.
 *
 *   node --import tsx bench/serve-probe.ts --db FILE --now ISO [--queries N]
 */
export interface ProbeResult {
  articles: number;
  import_ms: number;
  open_ms: number;
  startup_ms: number;
  who_ms: Percentiles;
  /** CPU time of this process per query: wall time minus waiting for a busy machine. */
  who_cpu_ms?: Percentiles;
  who_outcomes: Record<string, number>;
  briefing_ms: Percentiles;
  briefing_cpu_ms?: Percentiles;
  briefing_outcomes: Record<string, number>;
  autocomplete_ms: Percentiles | null;
  autocomplete_note: string;
  /**
   * SHA-256 of every timed answer (reply and view, in order, autocomplete choices included):
   * the same corpus must give the same digest before and after a change meant only for speed.
   */
  answers_sha256: string;
  peak_rss_mb: number;
}

const WARM_UP = 5;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      now: { type: 'string' },
      queries: { type: 'string', default: '300' },
    },
  });
  if (!values.db || !values.now)
    throw new Error('usage: serve-probe --db FILE --now ISO [--queries N]');
  const queries = Number(values.queries);

  const started = performance.now();
  const { createApp } = await import('../src/main.ts');
  const { fixedClock } = await import('../src/core/clock.ts');
  const imported = performance.now();
  const app = await createApp({ db: values.db, clock: fixedClock(values.now) });
  const opened = performance.now();
  let sequence = 0;
  const ask = (command: string, args: Invocation['args']) =>
    app.dispatch({
      id: `bench-${++sequence}`,
      command,
      args,
      platform: 'cli',
      invoker: { id: 'bench', name: 'bench', isManager: false },
      channel: { id: 'bench', kind: 'channel' },
    });
  const answers = createHash('sha256');
  const help = await ask('help', {});
  const ready = performance.now();
  if (help.outcome !== 'ok') throw new Error(`/help did not answer: ${help.outcome}`);

  async function time(
    invocations: readonly [string, Invocation['args']][],
  ): Promise<{ ms: Percentiles; cpu: Percentiles; outcomes: Record<string, number> }> {
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    const outcomes: Record<string, number> = {};
    for (const [index, [command, args]] of invocations.entries()) {
      const before = performance.now();
      const cpuBefore = process.cpuUsage();
      const result = await ask(command, args);
      const ms = performance.now() - before;
      const cpu = process.cpuUsage(cpuBefore);
      answers.update(JSON.stringify([result.outcome, result.reply, result.data]));
      if (index < WARM_UP) continue;
      samples.push(ms);
      cpuSamples.push((cpu.user + cpu.system) / 1000);
      outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
    }
    return { ms: percentiles(samples), cpu: percentiles(cpuSamples), outcomes };
  }

  const who = await time(whoQueries(queries + WARM_UP).map((name) => ['who', { name }]));
  const briefing = await time(
    briefingQueries(queries + WARM_UP).map(({ topic, days }) => ['briefing', { topic, days }]),
  );

  let autocomplete: Percentiles | null = null;
  let autocompleteNote = 'services.suggest is not wired: autocomplete not measured';
  const suggest = app.services.suggest;
  if (suggest) {
    try {
      const samples: number[] = [];
      for (const [index, { source, prefix }] of autocompletePrefixes(
        queries * 3 + WARM_UP,
      ).entries()) {
        const before = performance.now();
        const choices = suggest(source, prefix);
        if (index >= WARM_UP) samples.push(performance.now() - before);
        answers.update(JSON.stringify(choices));
      }
      autocomplete = percentiles(samples);
      autocompleteNote = 'services.suggest(source, prefix)';
    } catch (error) {
      autocompleteNote = `services.suggest failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  const result: ProbeResult = {
    articles: app.store.count(),
    import_ms: Math.round(imported - started),
    open_ms: Math.round(opened - imported),
    startup_ms: Math.round(ready - started),
    who_ms: who.ms,
    who_cpu_ms: who.cpu,
    who_outcomes: who.outcomes,
    briefing_ms: briefing.ms,
    briefing_cpu_ms: briefing.cpu,
    briefing_outcomes: briefing.outcomes,
    autocomplete_ms: autocomplete,
    autocomplete_note: autocompleteNote,
    answers_sha256: answers.digest('hex'),
    peak_rss_mb: peakRssMb(),
  };
  app.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
