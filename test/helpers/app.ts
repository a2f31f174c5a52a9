import { fixedClock } from '../../src/core/clock.ts';
import type { Invocation } from '../../src/core/invocation.ts';
import { createApp, type App } from '../../src/main.ts';

/** A fresh in-memory app whose clock stands at the end of the sample corpus's months. */
export function createTestApp(now = '2023-11-01T00:00:00.000Z'): App {
  return createApp({ db: ':memory:', clock: fixedClock(now) });
}

/** An invocation from the console user, overridable for platform and permission cases. */
export function invocation(
  command: string,
  args: Invocation['args'] = {},
  overrides: Partial<Invocation> = {},
): Invocation {
  return {
    id: 'test',
    command,
    args,
    platform: 'console',
    invoker: { id: 'u1', name: 'tester', isManager: true },
    channel: { id: 'c1', kind: 'channel' },
    ...overrides,
  };
}
