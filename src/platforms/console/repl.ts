import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { answerPlainText } from '../../briefing/plain-text.ts';
import { parseCommandLine } from '../../core/command-line.ts';
import type { AnyCommand } from '../../core/command.ts';
import type { Dispatch, DispatchResult } from '../../core/dispatch.ts';
import { UserError } from '../../core/errors.ts';
import type { Invocation } from '../../core/invocation.ts';
import { noticeReply } from '../../core/reply.ts';
import type { Services } from '../../core/services.ts';
import { renderConsole } from './render.ts';

/** What answering a console line needs. */
export interface LineContext {
  dispatch: Dispatch;
  services: Services;
  /** The answer may change nothing (`sitrep ask`): see `Invocation.readOnly`. */
  readOnly?: boolean;
}

export type LineAnswer = Pick<DispatchResult, 'reply' | 'data' | 'outcome' | 'errorId'>;

export interface ConsoleOptions extends LineContext {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean | undefined; columns?: number | undefined };
  banner?: string;
  /** Closes the console when aborted (a SIGTERM or SIGINT asking the bot to stop). */
  signal?: AbortSignal;
}

/** The console user: the person at the terminal, who manages their own "channel". */
function invocationFor(
  command: string,
  args: Record<string, string>,
  readOnly: boolean,
): Invocation {
  return {
    id: randomUUID(),
    command,
    args,
    platform: 'console',
    invoker: { id: 'console', name: 'console', isManager: true },
    channel: { id: 'console', kind: 'channel' },
    ...(readOnly ? { readOnly } : {}),
  };
}

/** Runs one command line (`/briefing kosovo`) as the console user: parse, then dispatch. */
export async function answerLine(
  line: string,
  dispatch: Dispatch,
  commands: readonly AnyCommand[],
  readOnly = false,
): Promise<LineAnswer> {
  try {
    const parsed = parseCommandLine(line, commands);
    return await dispatch(invocationFor(parsed.command, parsed.args, readOnly));
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
 * Answers whatever was typed at the console: a `/command` line, or plain text read as a
 * Telegram private chat reads it (a topic gives its briefing, a name `/who`, a question an
 * answer or a search). Exposed for `sitrep ask`, which answers one line as the REPL would.
 */
export async function answerInput(text: string, context: LineContext): Promise<LineAnswer> {
  const { dispatch, services, readOnly = false } = context;
  if (text.trim().startsWith('/')) return answerLine(text, dispatch, services.commands, readOnly);
  try {
    const plain = await answerPlainText(services, text);
    if (plain.kind === 'command')
      return await answerLine(plain.line, dispatch, services.commands, readOnly);
    return { reply: plain.reply, data: null, outcome: 'ok' };
  } catch (error) {
    services.logger.error({ err: error }, 'plain message failed');
    return {
      reply: noticeReply('error', 'Sorry, something went wrong answering that.', true),
      data: null,
      outcome: 'error',
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
      const { reply } = await answerInput(line, options);
      output.write(`${renderConsole(reply, style())}\n\n`);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
