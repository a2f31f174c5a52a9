import { main } from '../../src/cli.ts';
import type { CliResult } from './cli.ts';
import { captureIo } from './cli-io.ts';

/**
 * Runs `sitrep` in this process through the CLI's `main`, with the environment `runCli` gives a
 * child (`LOG_LEVEL=silent` plus `env`; the whole environment is restored afterwards), and
 * returns what it wrote to stdout and stderr and the exit code `bin/sitrep.js` would set;
 * `input` is piped standard input, as `runCli` feeds it. The commands run as in a child; only
 * the process start-up (Node, tsx, loading every module) is saved. Not for what needs a
 * process of its own: signals, logs written straight to file descriptor 2.
 */
export async function runCliInProcess(
  args: readonly string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const restore = setEnvironment({ LOG_LEVEL: 'silent', ...options.env });
  const run = captureIo({ stdin: options.input ?? '' });
  try {
    const code = await main([...args], run.io);
    return { code, stdout: run.stdout(), stderr: run.stderr() };
  } finally {
    restore();
  }
}

/**
 * Sets `env` in this process's environment and returns what puts the whole environment back:
 * `main` may also load a `.env` file into it, and none of that may outlive the run.
 */
export function setEnvironment(env: Record<string, string>): () => void {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  return () => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  };
}
