import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { onShutdown } from '../../src/core/shutdown.ts';

/** A process stand-in: signals are events, `exit` and stderr are recorded. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  let stderr = '';
  const proc = {
    on: (name: string, listener: (...args: unknown[]) => void) => emitter.on(name, listener),
    off: (name: string, listener: (...args: unknown[]) => void) => emitter.off(name, listener),
    exit: (code?: number) => {
      exits.push(code ?? 0);
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        return true;
      },
    },
  } as unknown as Parameters<typeof onShutdown>[0];
  return { proc, emitter, exits, stderr: () => stderr };
}

describe('onShutdown', () => {
  it('asks for a graceful stop on the first signal and exits at once on the second', async () => {
    const fake = fakeProcess();
    const shutdown = onShutdown(fake.proc);
    expect(shutdown.signal.aborted).toBe(false);
    fake.emitter.emit('SIGTERM', 'SIGTERM');
    await shutdown.requested;
    expect(shutdown.signal.aborted).toBe(true);
    expect(fake.exits).toEqual([]);
    fake.emitter.emit('SIGINT', 'SIGINT');
    expect(fake.exits).toEqual([130]);
    expect(fake.stderr()).toMatch(/SIGTERM, stopping[\s\S]*SIGINT again, exiting now/);
  });

  it('lets go of the signals once disposed', () => {
    const fake = fakeProcess();
    onShutdown(fake.proc).dispose();
    expect(fake.emitter.listenerCount('SIGINT') + fake.emitter.listenerCount('SIGTERM')).toBe(0);
  });
});
