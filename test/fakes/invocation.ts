import type { Invocation } from '../../src/core/invocation.ts';

let counter = 0;

/** A console-style invocation of one command in a given channel. */
export function invocation(
  command: string,
  args: Invocation['args'],
  channel = 'test-channel',
): Invocation {
  counter++;
  return {
    id: `test-${counter}`,
    command,
    args,
    platform: 'console',
    invoker: { id: 'tester', name: 'tester', isManager: false },
    channel: { id: channel, kind: 'channel' },
  };
}
