import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/io.ts';

export interface CapturedIo {
  io: CliIo;
  stdout(): string;
  stderr(): string;
}

/**
 * Streams for running `main` in-process: standard input from a string (or a terminal with
 * nothing typed), standard output and error collected; `stderrIsTTY` makes stderr look like a
 * terminal, as progress lines need.
 */
export function captureIo(
  options: { stdin?: string; stdinIsTTY?: boolean; stderrIsTTY?: boolean } = {},
): CapturedIo {
  const stdin = Object.assign(Readable.from([Buffer.from(options.stdin ?? '')]), {
    isTTY: options.stdinIsTTY ?? false,
  });
  const collect = (isTTY: boolean) => {
    const stream = Object.assign(new PassThrough(), { isTTY, columns: 100 });
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
    return { stream, text: () => text };
  };
  const out = collect(false);
  const err = collect(options.stderrIsTTY ?? false);
  return {
    io: { stdin, stdout: out.stream, stderr: err.stream },
    stdout: out.text,
    stderr: err.text,
  };
}
