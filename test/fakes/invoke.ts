import { randomUUID } from 'node:crypto';
import type { AnyCommand } from '../../src/core/command.ts';
import { parseCommandLine } from '../../src/core/command-line.ts';
import type { Dispatch } from '../../src/core/dispatch.ts';
import type { Invocation, Platform } from '../../src/core/invocation.ts';

/** Runs a typed command line as a given user in a given channel, through the real dispatch. */
export function invoke(
  dispatch: Dispatch,
  commands: readonly AnyCommand[],
  line: string,
  who: {
    platform?: Platform;
    channelId?: string;
    isManager?: boolean;
    kind?: 'dm' | 'group' | 'channel';
    threadId?: string;
  } = {},
) {
  const parsed = parseCommandLine(line, commands);
  const invocation: Invocation = {
    id: randomUUID(),
    command: parsed.command,
    args: parsed.args,
    platform: who.platform ?? 'telegram',
    invoker: { id: 'u1', name: 'user', isManager: who.isManager ?? true },
    channel: {
      id: who.channelId ?? 'chat-1',
      kind: who.kind ?? 'group',
      ...(who.threadId ? { threadId: who.threadId } : {}),
    },
  };
  return dispatch(invocation);
}
