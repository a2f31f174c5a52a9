import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/core/command.ts';
import { createDispatch } from '../../src/core/dispatch.ts';
import { ErrorId, UserError } from '../../src/core/errors.ts';
import type { Logger } from '../../src/core/logger.ts';
import type { Services } from '../../src/core/services.ts';
import { createTestApp, invocation } from '../helpers/app.ts';

function recordingLogger(): Logger & { errors: object[] } {
  const errors: object[] = [];
  const logger: Logger & { errors: object[] } = {
    errors,
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: (obj) => errors.push(obj),
    child: () => logger,
  };
  return logger;
}

const echo = defineCommand({
  name: 'echo',
  description: 'Echo for tests',
  options: {
    text: { type: 'string', description: 'what to echo', required: true, maxLength: 10 },
    times: { type: 'integer', description: 'how often', min: 1, max: 3 },
    tone: { type: 'choice', description: 'tone', choices: ['calm', 'loud'] },
  },
  run: (args) => ({
    reply: { blocks: [{ type: 'text', text: args.text.repeat(args.times ?? 1) }] },
    data: args,
  }),
});
const refuse = defineCommand({
  name: 'refuse',
  description: 'Always a user error',
  options: {},
  run: () => {
    throw new UserError(ErrorId.NoCoverage, 'nothing here');
  },
});
const crash = defineCommand({
  name: 'crash',
  description: 'Always a bug',
  options: {},
  run: () => {
    throw new Error('secret internals');
  },
});
const manage = defineCommand({
  name: 'manage',
  description: 'Managers only, in servers',
  options: {},
  permission: 'manager',
  guildOnly: true,
  run: () => ({ reply: { blocks: [] }, data: 'managed' }),
});

function dispatcher() {
  const app = createTestApp();
  const logger = recordingLogger();
  const services: Services = { ...app.services, logger, commands: [echo, refuse, crash, manage] };
  return { dispatch: createDispatch(services), logger };
}

describe('dispatch', () => {
  it('runs a command with validated, typed arguments', async () => {
    const { dispatch } = dispatcher();
    const result = await dispatch(invocation('echo', { text: 'ab', times: '2', tone: 'LOUD' }));
    expect(result.outcome).toBe('ok');
    expect(result.data).toEqual({ text: 'ab', times: 2, tone: 'loud' });
    expect(result.ms).toBeGreaterThanOrEqual(0);
  });

  it.each([
    [{ command: 'nope', args: {} }, ErrorId.UnknownCommand],
    [{ command: 'echo', args: {} }, ErrorId.MissingOption],
    [{ command: 'echo', args: { text: 'x'.repeat(11) } }, ErrorId.OptionTooLong],
    [{ command: 'echo', args: { text: 'a', times: '9' } }, ErrorId.OutOfRange],
    [{ command: 'echo', args: { text: 'a', times: 'two' } }, ErrorId.BadOption],
    [{ command: 'echo', args: { text: 'a', tone: 'angry' } }, ErrorId.BadOption],
    [{ command: 'echo', args: { text: 'a', colour: 'red' } }, ErrorId.BadOption],
    [{ command: 'refuse', args: {} }, ErrorId.NoCoverage],
  ])('refuses %o with %s, ephemerally', async ({ command, args }, id) => {
    const { dispatch } = dispatcher();
    const result = await dispatch(invocation(command, args));
    expect(result.outcome).toBe('user-error');
    expect(result.errorId).toBe(id);
    expect(result.reply.ephemeral).toBe(true);
  });

  it('answers a bug with an apology, never its message, and logs it', async () => {
    const { dispatch, logger } = dispatcher();
    const result = await dispatch(invocation('crash'));
    expect(result.outcome).toBe('error');
    expect(JSON.stringify(result.reply)).not.toContain('secret internals');
    expect(logger.errors).toHaveLength(1);
  });

  it('keeps manager-only commands from other members and out of private chats', async () => {
    const { dispatch } = dispatcher();
    const member = await dispatch(
      invocation('manage', {}, { invoker: { id: 'u2', name: 'm', isManager: false } }),
    );
    expect(member.errorId).toBe(ErrorId.NotAllowed);
    const dm = await dispatch(invocation('manage', {}, { channel: { id: 'd', kind: 'dm' } }));
    expect(dm.errorId).toBe(ErrorId.NotAllowed);
    expect((await dispatch(invocation('manage'))).data).toBe('managed');
  });
});
