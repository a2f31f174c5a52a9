import type { Answer, AnyCommand } from './command.ts';
import { ErrorId, UserError } from './errors.ts';
import type { Invocation } from './invocation.ts';
import type { Logger } from './logger.ts';
import { validateArgs } from './options.ts';
import { noticeReply, type Reply } from './reply.ts';
import type { Services } from './services.ts';

export interface DispatchResult extends Answer {
  outcome: 'ok' | 'user-error' | 'error';
  errorId?: ErrorId;
  /** Details of a user error (closest topics, candidates) for renderers that show them. */
  errorDetails?: Readonly<Record<string, unknown>>;
  ms: number;
}

export type Dispatch = (invocation: Invocation) => Promise<DispatchResult>;

function preconditions(command: AnyCommand, invocation: Invocation): void {
  if (command.guildOnly && invocation.channel.kind === 'dm') {
    throw new UserError(
      ErrorId.NotAllowed,
      `/${command.name} works in a server channel or group, not in private messages.`,
    );
  }
  if (command.writes && invocation.readOnly) {
    throw new UserError(
      ErrorId.NotAllowed,
      `/${command.name} changes the bot's settings, and this request may only read them.`,
    );
  }
  if (command.permission === 'manager' && !invocation.invoker.isManager) {
    throw new UserError(
      ErrorId.NotAllowed,
      `Only people who manage this channel may use /${command.name}.`,
    );
  }
}

/**
 * The one path from an invocation to an answer, for every platform: look up, check
 * preconditions, validate options, run, time. Expected failures become an ephemeral notice with
 * their id; anything else is logged with the invocation and answered with a short apology, so a
 * bug never leaks a stack trace into a channel.
 */
export function createDispatch(
  services: Services,
  /** Told of every answer (metrics); must not throw. */
  observe: (invocation: Invocation, result: DispatchResult) => void = () => {},
): Dispatch {
  const byName = new Map(services.commands.map((command) => [command.name, command]));
  const answer = async (invocation: Invocation): Promise<DispatchResult> => {
    const started = performance.now();
    const ms = () => Math.round((performance.now() - started) * 10) / 10;
    const log: Logger = services.logger.child({
      invocation: invocation.id,
      command: invocation.command,
    });
    try {
      const command = byName.get(invocation.command);
      if (!command) {
        throw new UserError(
          ErrorId.UnknownCommand,
          `There is no /${invocation.command.slice(0, 32)} command. Type /help to see them.`,
        );
      }
      preconditions(command, invocation);
      const args = validateArgs(command, invocation.args);
      const answer = await command.run(args, { services, invocation });
      log.info({ outcome: 'ok', ms: ms(), platform: invocation.platform }, 'command answered');
      return { ...answer, outcome: 'ok', ms: ms() };
    } catch (error) {
      if (error instanceof UserError) {
        log.info({ outcome: 'user-error', errorId: error.id, ms: ms() }, 'command refused');
        const reply: Reply = noticeReply('warning', error.message, true);
        return {
          reply,
          data: null,
          outcome: 'user-error',
          errorId: error.id,
          errorDetails: error.details,
          ms: ms(),
        };
      }
      log.error(
        { err: error, args: invocation.args, platform: invocation.platform },
        'command failed',
      );
      const reply = noticeReply(
        'error',
        'Sorry, something went wrong answering that. It has been logged.',
        true,
      );
      return { reply, data: null, outcome: 'error', ms: ms() };
    }
  };
  return async (invocation) => {
    const result = await answer(invocation);
    observe(invocation, result);
    return result;
  };
}
