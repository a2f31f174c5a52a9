import type { AnyCommand } from '../src/core/command.ts';
import type { Dispatch } from '../src/core/dispatch.ts';
import { answerLine } from '../src/platforms/console/repl.ts';

/** What the probe saw: each command's latency, and the answers that were not `ok`. */
export interface ProbeReport {
  latenciesMs: number[];
  /** The same latencies by command line. */
  byLine: Record<string, number[]>;
  notOk: string[];
}

/**
 * Types a command every `everyMs` (wall time), as users would, and times each from the moment
 * it was due to its answer: a main thread held by other work shows as waiting time, which is
 * what a user feels. Stops when `stop()` is called.
 */
export function probeCommands(
  dispatch: Dispatch,
  commands: readonly AnyCommand[],
  lines: readonly string[],
  everyMs: number,
): { stop(): Promise<ProbeReport> } {
  const report: ProbeReport = { latenciesMs: [], byLine: {}, notOk: [] };
  const pending = new Set<Promise<void>>();
  let n = 0;
  const started = performance.now();
  let timer: NodeJS.Timeout;
  const fire = () => {
    const due = started + n * everyMs;
    const line = lines[n % lines.length]!;
    n++;
    const answer = answerLine(line, dispatch, commands).then((result) => {
      const latency = performance.now() - due;
      report.latenciesMs.push(latency);
      (report.byLine[line] ??= []).push(latency);
      if (result.outcome !== 'ok') report.notOk.push(`${line}: ${result.outcome}`);
    });
    pending.add(answer);
    void answer.finally(() => pending.delete(answer));
    // The next command is due on the schedule, however late this one was typed.
    timer = setTimeout(fire, Math.max(0, started + n * everyMs - performance.now()));
  };
  timer = setTimeout(fire, everyMs);
  return {
    async stop() {
      clearTimeout(timer);
      await Promise.all(pending);
      return report;
    },
  };
}
