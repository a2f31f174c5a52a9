import { vi } from 'vitest';
import { main } from '../../src/cli.ts';
import type { CliResult } from './cli.ts';

/**
 * Runs `sitrep` in this process through the CLI's `main`, with the environment `runCli` gives a
 * child (`LOG_LEVEL=silent` plus `env`, restored afterwards), and returns what it wrote to
 * stdout and stderr and the exit code `bin/sitrep.js` would set. The commands run exactly as
 * in a child; only the process start-up is saved. Not for commands that read standard input.
 */
export async function runCliInProcess(
  args: readonly string[],
  options: { env?: Record<string, string> } = {},
): Promise<CliResult> {
  const env: Record<string, string> = { LOG_LEVEL: 'silent', ...options.env };
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  let stdout = '';
  let stderr = '';
  const capture = (stream: NodeJS.WriteStream, append: (text: string) => void) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      return true;
    });
  const out = capture(process.stdout, (text) => (stdout += text));
  const err = capture(process.stderr, (text) => (stderr += text));
  try {
    const code = await main([...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
