import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseCommandLine } from '../../core/command-line.ts';
import type { AnyCommand } from '../../core/command.ts';
import type { Dispatch, DispatchResult } from '../../core/dispatch.ts';
import { UserError } from '../../core/errors.ts';
import type { Invocation } from '../../core/invocation.ts';
import { noticeReply } from '../../core/reply.ts';
import { renderConsole } from './render.ts';

export interface ConsoleOptions {
  dispatch: Dispatch;
  commands: readonly AnyCommand[];
  input: Readable;
  output: Writable & { isTTY?: boolean; columns?: number };
  banner?: string;
  /** Closes the console when aborted (a SIGTERM or SIGINT asking the bot to stop). */
  signal?: AbortSignal;
}

/** The console user: the person at the terminal, who manages their own "channel". */
function invocationFor(command: string, args: Record<string, string>): Invocation {
  return {
    id: randomUUID(),
    command,
    args,
    platform: 'console',
    invoker: { id: 'console', name: 'console', isManager: true },
    channel: { id: 'console', kind: 'channel' },
  };
}

/**
 * Runs one console line: parse, dispatch, render. Exposed for `sitrep ask`, which answers one
 * line exactly as the REPL would.
 */
export async function answerLine(
  line: string,
  dispatch: Dispatch,
  commands: readonly AnyCommand[],
): Promise<Pick<DispatchResult, 'reply' | 'data' | 'outcome' | 'errorId'>> {
  try {
    const parsed = parseCommandLine(line, commands);
    return await dispatch(invocationFor(parsed.command, parsed.args));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return {
      reply: noticeReply('warning', error.message, true),
      data: null,
      outcome: 'user-error',
      errorId: error.id,
    };
  }
}

/**
 * The terminal REPL: type `/briefing kosovo`, read the answer. History and line editing come
 * from node:readline on a TTY; with piped input it answers each line and ends at end of input.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { output } = options;
  const interactive = Boolean(output.isTTY);
  const rl = createInterface({
    input: options.input,
    output,
    terminal: interactive,
    historySize: 500,
    prompt: 'sitrep> ',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  // Ctrl-C at the prompt stops the console, like `exit`.
  rl.on('SIGINT', () => rl.close());
  const style = () => ({ width: Math.min(output.columns ?? 100, 120), colour: interactive });
  if (options.banner) output.write(`${options.banner}\n`);
  if (interactive) rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'exit' || line === 'quit' || line === '/exit' || line === '/quit') break;
    if (line) {
      const { reply } = await answerLine(line, options.dispatch, options.commands);
      output.write(`${renderConsole(reply, style())}\n\n`);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
