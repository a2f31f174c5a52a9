import { main } from '../../src/cli.ts';
import type { CliResult } from './cli.ts';
import { captureIo } from './cli-io.ts';

/**
 * Runs `sitrep` in this process through the CLI's `main`, with the environment `runCli` gives a
 * child (`LOG_LEVEL=silent` plus `env`; the whole environment is restored afterwards), and
 * returns what it wrote to stdout and stderr and the exit code `bin/sitrep.js` would set. The
 * commands run as in a child; only the process start-up (Node, tsx, loading every module) is
 * saved. Not for what needs a process of its own: signals, logs written straight to file
 * descriptor 2.
 */
export async function runCliInProcess(
  args: readonly string[],
  options: { env?: Record<string, string> } = {},
): Promise<CliResult> {
  const saved = { ...process.env };
  Object.assign(process.env, { LOG_LEVEL: 'silent', ...options.env });
  const run = captureIo();
  try {
    const code = await main([...args], run.io);
    return { code, stdout: run.stdout(), stderr: run.stderr() };
  } finally {
    // `main` may have loaded a `.env` file into the environment; none of it outlives the call.
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}
