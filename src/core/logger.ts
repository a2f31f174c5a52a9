import { pino } from 'pino';

/** The structured logger every module receives; pino's API, narrowed to what we use. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** Fields that may hold a token or key, at any of the depths our log lines use. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'authorization',
  '*.authorization',
  '*.*.authorization',
];

/**
 * Logs go to stderr so that stdout stays clean for replies (`sitrep ask --json`, the REPL).
 * Token-bearing keys are redacted wherever they appear.
 */
export function createLogger(level: string = 'info'): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    pino.destination(2),
  );
}

/** A logger that drops everything (tests that do not inspect logs). */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};
