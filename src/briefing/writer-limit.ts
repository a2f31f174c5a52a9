import type { BriefingWriter } from './writer.ts';

/**
 * Caps how many model calls run at once. A briefing that finds every slot taken does not
 * queue behind them: it gets the extractive summary at once (reason `rate-limited`), so a burst
 * of users cannot pile up requests against a slow or metered model.
 */
export function limitConcurrency(writer: BriefingWriter, maxInFlight: number): BriefingWriter {
  let inFlight = 0;
  return {
    async write(request) {
      if (inFlight >= maxInFlight) return { ok: false, reason: 'rate-limited' };
      inFlight++;
      try {
        return await writer.write(request);
      } finally {
        inFlight--;
      }
    },
  };
}
