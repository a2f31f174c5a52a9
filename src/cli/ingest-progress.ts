import { plural } from '../core/plural.ts';

/** Where an ingest stands, as its progress line shows it. */
export interface ProgressState {
  /** Articles stored, found duplicate or failed so far. */
  items: number;
  /** Articles parsed from the files read so far (reading runs ahead of storing). */
  articlesRead: number;
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
 * One line of progress: articles done of those expected, their rate, and the time left at
 * that rate. The expected number comes from the articles per byte of the files read so far
 * (a file may hold one article or thousands), and is exact once every file has been read.
 */
export function progressLine(state: ProgressState): string {
  const rate = perSecond(state.items, state.elapsedMs);
  if (state.bytesTotal <= 0 || state.bytesRead <= 0 || state.articlesRead <= 0)
    return `${plural(state.items, 'article')} done, ${rate.toLocaleString('en-US')}/s`;
  const exact = state.bytesRead >= state.bytesTotal;
  const expected = Math.max(
    state.items,
    exact
      ? state.articlesRead
      : Math.round((state.articlesRead * state.bytesTotal) / state.bytesRead),
  );
  const parts = [
    `${state.items.toLocaleString('en-US')} of ${exact ? '' : '~'}${plural(expected, 'article')}`,
    `${rate.toLocaleString('en-US')}/s`,
  ];
  if (state.items > 0) {
    parts.push(`ETA ${formatDuration(((expected - state.items) * state.elapsedMs) / state.items)}`);
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
