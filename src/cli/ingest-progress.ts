import { plural } from '../core/plural.ts';

/** Where an ingest stands, as its progress line shows it. */
export interface ProgressState {
  /** Articles stored, found duplicate or failed so far. */
  items: number;
  bytesRead: number;
  /** Bytes of all the input files; 0 when unknown (only URLs). */
  bytesTotal: number;
  elapsedMs: number;
}

/** `0:42`, `12:05`, `1:02:03`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const perSecond = (items: number, ms: number) => (ms > 0 ? Math.round((items * 1000) / ms) : 0);

/**
 * One line of progress: articles done, their rate, and the share of input read with the time
 * left at the pace so far (by bytes, since one file may hold one article or thousands).
 */
export function progressLine(state: ProgressState): string {
  const parts = [
    `${plural(state.items, 'article')} done`,
    `${perSecond(state.items, state.elapsedMs).toLocaleString('en-US')}/s`,
  ];
  if (state.bytesTotal > 0 && state.bytesRead > 0) {
    const share = Math.min(1, state.bytesRead / state.bytesTotal);
    const left = (state.elapsedMs * (1 - share)) / share;
    parts.push(`${Math.floor(share * 100)}% read`, `ETA ${formatDuration(left)}`);
  }
  return parts.join(', ');
}

/** The closing line on a terminal: how many articles, in what time, at what rate. */
export function summaryLine(items: number, elapsedMs: number): string {
  return `ingested ${plural(items, 'article')} in ${formatDuration(elapsedMs)} (${perSecond(items, elapsedMs).toLocaleString('en-US')}/s)`;
}

/** How often the progress line is redrawn; more often only costs terminal writes. */
const REDRAW_MS = 200;

/**
 * A progress line redrawn in place on a terminal (carriage return, clear to end of line), at
 * most every 200 ms of `now()`; `finish` replaces it with the summary.
 */
export function createProgress(stream: NodeJS.WritableStream, now: () => number) {
  const started = now();
  let drawn = -Infinity;
  return {
    update(state: Omit<ProgressState, 'elapsedMs'>): void {
      const at = now();
      if (at - drawn < REDRAW_MS) return;
      drawn = at;
      stream.write(`\r${progressLine({ ...state, elapsedMs: at - started })}\u001b[K`);
    },
    finish(items: number): void {
      stream.write(`\r${summaryLine(items, now() - started)}\u001b[K\n`);
    },
  };
}
