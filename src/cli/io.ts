import type { Config } from '../config.ts';

/** The streams a subcommand reads and writes: the process's, or a test's. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/** What every subcommand gets: its streams, and the configuration, read when first asked for. */
export interface CliContext {
  io: CliIo;
  config(): Config;
}

/**
 * One `sitrep` subcommand. Its help text is printed by `sitrep <name> --help` before the
 * subcommand parses anything, so every subcommand answers `--help` the same way.
 */
export interface Subcommand {
  name: string;
  /** The arguments after `sitrep <name>`, as the usage line shows them. */
  synopsis: string;
  /** One line for the overview `sitrep --help` prints. */
  summary: string;
  /** Options, input and exit codes, for `sitrep <name> --help`. */
  details: string;
  /** Returns the exit code: 0 ok, 1 failed, 2 usage (a thrown `UsageError`). */
  run(argv: string[], context: CliContext): Promise<number>;
}

/** A command line that does not fit the subcommand: its usage is printed and the exit code is 2. */
export class UsageError extends Error {}

/** The whole `--help` text of a subcommand. */
export function helpOf(subcommand: Subcommand): string {
  return `usage: sitrep ${subcommand.name} ${subcommand.synopsis}\n\n${subcommand.summary}\n\n${subcommand.details}\n`;
}
