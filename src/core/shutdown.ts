/** The signals that ask the bot to stop: Ctrl-C in a terminal, and service managers' stop. */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface Shutdown {
  /** Aborted on the first SIGINT or SIGTERM: stop taking work. */
  signal: AbortSignal;
  /** Resolves on the first signal. */
  requested: Promise<void>;
  /** Removes the handlers once the process has stopped its work. */
  dispose(): void;
}

/**
 * Graceful stop on SIGINT/SIGTERM: the first signal aborts `signal` so the caller stops taking
 * work, lets in-flight deliveries finish or stay recorded in the outbox, and closes the database;
 * a second signal means the operator will not wait, so the process exits at once (the outbox and
 * inbox are crash-safe, so nothing is lost, at worst an in-doubt alert is resent on restart).
 */
export function onShutdown(
  proc: Pick<NodeJS.Process, 'on' | 'off' | 'exit' | 'stderr'> = process,
): Shutdown {
  const controller = new AbortController();
  let resolveRequested: () => void = () => {};
  const requested = new Promise<void>((resolve) => (resolveRequested = resolve));
  const handler = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      proc.stderr.write(`sitrep: ${name} again, exiting now\n`);
      proc.exit(name === 'SIGINT' ? 130 : 143);
      return;
    }
    proc.stderr.write(`sitrep: ${name}, stopping (send it again to exit at once)\n`);
    controller.abort();
    resolveRequested();
  };
  for (const name of SIGNALS) proc.on(name, handler);
  return {
    signal: controller.signal,
    requested,
    dispose() {
      for (const name of SIGNALS) proc.off(name, handler);
    },
  };
}
