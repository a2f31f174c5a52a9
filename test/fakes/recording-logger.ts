import type { Logger } from '../../src/core/logger.ts';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  fields: object;
}

/** A logger that keeps every line (children included), for tests that count log lines. */
export function recordingLogger(): Logger & { lines: LogLine[]; above(level: 'info'): LogLine[] } {
  const lines: LogLine[] = [];
  const make = (): Logger => ({
    debug: (fields, msg = '') => lines.push({ level: 'debug', msg, fields }),
    info: (fields, msg = '') => lines.push({ level: 'info', msg, fields }),
    warn: (fields, msg = '') => lines.push({ level: 'warn', msg, fields }),
    error: (fields, msg = '') => lines.push({ level: 'error', msg, fields }),
    child: () => make(),
  });
  return { ...make(), lines, above: () => lines.filter((line) => line.level !== 'debug') };
}
