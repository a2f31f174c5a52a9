import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { IngestReport } from '../corpus/ingest.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { InboxEntry, SourceState } from './source-state.ts';

export interface InboxOptions {
  dir: string;
  /** Ingests one file (the ingester's `ingestPaths([path])`); `signal` aborts on stop. */
  ingestFile(path: string, signal: AbortSignal): Promise<IngestReport>;
  state: SourceState;
  clock: Clock;
  logger: Logger;
  /** Rescan period, the fallback for file systems where `fs.watch` misses events. */
  scanIntervalMs?: number;
  /** How long (on `clock`) a file must stay unchanged before it is taken as complete. */
  settleMs?: number;
}

export interface Inbox {
  /** Ingests every file waiting in the folder, oldest name first. */
  scan(): Promise<InboxEntry[]>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Names a writer is still busy with (partial downloads, editors' temporary files). */
const IN_PROGRESS = /^\.|\.(tmp|part|partial|crdownload|swp)$|~$/i;

export const DEFAULT_SETTLE_MS = 2000;
/** First wait before a kept file (articles not stored) is tried again; it doubles up to the max. */
const RETRY_FIRST_MS = 30_000;
const RETRY_MAX_MS = 10 * 60_000;

async function freeName(dir: string, name: string): Promise<string> {
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? name : `${name}.${n}`;
    try {
      await stat(join(dir, candidate));
    } catch {
      return join(dir, candidate);
    }
  }
}

function reasonOf(report: IngestReport): string | null {
  if (report.failed.length > 0)
    return report.failed
      .map((failure) => `${basename(failure.origin)}: ${failure.reason}`)
      .join('; ')
      .slice(0, 2000);
  if (report.added.length === 0 && report.duplicates.length > 0) return 'already in the corpus';
  return null;
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'error';

/** A file's identity for "has it changed": size and modification time. */
interface Seen {
  size: bigint;
  mtimeNs: bigint;
}
const same = (a: Seen, b: Seen) => a.size === b.size && a.mtimeNs === b.mtimeNs;

/**
 * The drop folder: each file put there is ingested, then moved to `processed/` (with the
 * articles it added) or `failed/` (with a `.reason.txt` beside it saying why). A file whose
 * articles could not all be stored (a full disk, a locked database) stays where it is and is
 * tried again later, with growing waits.
 *
 * A file is complete when it arrived by rename (its inode changed after its last write: the
 * `.part`-then-rename way, best for writers) or when it has not changed for `settleMs` on the
 * clock; a file still growing is left alone. A file that vanishes (another process, or a second
 * bot on a shared inbox, took it) is one log line and the scan goes on.
 * `fs.watch` gives speed; a periodic scan catches whatever it misses.
 */
export function createInbox(options: InboxOptions): Inbox {
  const { dir, state, clock, logger } = options;
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const processedDir = join(dir, 'processed');
  const failedDir = join(dir, 'failed');
  let watcher: FSWatcher | null = null;
  let interval: NodeJS.Timeout | null = null;
  let settleTimer: NodeJS.Timeout | null = null;
  let scanning: Promise<InboxEntry[]> | null = null;
  let stopping = new AbortController();
  let again = false;
  /** Files seen but not yet settled: how they looked, and since when (clock ms). */
  const settling = new Map<string, Seen & { since: number }>();
  /** Files left in place (not stored, or not movable): tried again only when due or changed. */
  const held = new Map<string, Seen & { retryAt: number; waitMs: number; reason: string }>();

  /** True once the file is complete; otherwise remembers how it looks for the next scan. */
  function complete(name: string, info: Seen & { ctimeNs: bigint }): boolean {
    // A rename (or chmod) after the last write changes the inode time, not the data time.
    if (info.ctimeNs > info.mtimeNs) return true;
    // File times are wall-clock times: a file last written long ago (say, before a restart) is done.
    if (Date.now() - Number(info.mtimeNs / 1_000_000n) >= settleMs) return true;
    const now = clock.now().getTime();
    const before = settling.get(name);
    if (before && same(before, info)) return now - before.since >= settleMs;
    settling.set(name, { size: info.size, mtimeNs: info.mtimeNs, since: now });
    return false;
  }

  function hold(name: string, info: Seen, reason: string): boolean {
    const previous = held.get(name);
    const waitMs = previous ? Math.min(RETRY_MAX_MS, previous.waitMs * 2) : RETRY_FIRST_MS;
    held.set(name, { ...info, retryAt: clock.now().getTime() + waitMs, waitMs, reason });
    return previous?.reason !== reason;
  }

  /** Moves a handled file; false when it vanished first (another process took it). */
  async function moveAway(name: string, path: string, to: string, info: Seen): Promise<boolean> {
    try {
      await rename(path, to);
      return true;
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return false;
      if (hold(name, info, `cannot move: ${codeOf(error)}`))
        logger.error({ file: name, err: error }, 'inbox file handled but cannot be moved');
      throw new HandledError();
    }
  }

  async function processFile(name: string): Promise<InboxEntry | null> {
    const path = join(dir, name);
    let info;
    try {
      info = await stat(path, { bigint: true });
    } catch {
      settling.delete(name);
      held.delete(name);
      return null;
    }
    if (!info.isFile()) return null;
    const look: Seen = { size: info.size, mtimeNs: info.mtimeNs };
    const heldAs = held.get(name);
    if (heldAs && same(heldAs, look)) {
      if (clock.now().getTime() < heldAs.retryAt) return null;
    } else if (!complete(name, { ...look, ctimeNs: info.ctimeNs })) {
      return null;
    }
    settling.delete(name);

    const report = await options.ingestFile(path, stopping.signal);
    const reason = reasonOf(report);
    const at = clock.now().toISOString();
    const notStored = report.failed.filter((failure) => failure.retry);
    if (notStored.length > 0) {
      const entry: InboxEntry = {
        file: name,
        outcome: 'kept',
        added: report.added.length,
        reason,
        at,
      };
      state.logInbox(entry);
      if (hold(name, look, notStored[0]!.reason))
        logger.warn(
          {
            file: name,
            added: entry.added,
            notStored: notStored.length,
            reason: notStored[0]!.reason,
          },
          'inbox file kept: some articles were not stored; it will be tried again',
        );
      return entry;
    }
    held.delete(name);
    const failed = report.added.length === 0 && report.duplicates.length === 0;
    const entry: InboxEntry = {
      file: name,
      outcome: failed ? 'failed' : 'processed',
      added: report.added.length,
      reason,
      at,
    };
    const target = await freeName(failed ? failedDir : processedDir, name);
    const moved = await moveAway(name, path, target, look);
    if (moved && reason && (failed || report.failed.length > 0))
      await writeFile(`${target}.reason.txt`, `${reason}\n`);
    state.logInbox(entry);
    if (moved)
      logger.info(
        { file: name, outcome: entry.outcome, added: entry.added, reason },
        'inbox file handled',
      );
    else
      logger.info(
        { file: name, added: entry.added },
        'inbox file vanished while being ingested (another process took it); its articles are kept',
      );
    return entry;
  }

  async function scanOnce(): Promise<InboxEntry[]> {
    const names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && !IN_PROGRESS.test(entry.name))
      .map((entry) => entry.name)
      .sort();
    for (const name of settling.keys()) if (!names.includes(name)) settling.delete(name);
    const entries: InboxEntry[] = [];
    for (const name of names) {
      if (stopping.signal.aborted) break;
      try {
        const entry = await processFile(name);
        if (entry) entries.push(entry);
      } catch (error) {
        if (!(error instanceof HandledError))
          logger.error({ file: name, err: error }, 'inbox file could not be handled');
      }
    }
    if (settling.size > 0) settleSoon();
    return entries;
  }

  /** Looks again once the files waiting to settle may have. */
  function settleSoon(): void {
    if (settleTimer || !watcher) return;
    settleTimer = setTimeout(() => {
      settleTimer = null;
      scanLogged();
    }, settleMs + 50);
    settleTimer.unref();
  }

  /** One scan at a time; a request during a scan runs one more afterwards. */
  function scan(): Promise<InboxEntry[]> {
    if (scanning) {
      again = true;
      return scanning;
    }
    scanning = (async () => {
      const entries: InboxEntry[] = [];
      do {
        again = false;
        entries.push(...(await scanOnce()));
      } while (again && !stopping.signal.aborted);
      return entries;
    })().finally(() => {
      scanning = null;
    });
    return scanning;
  }

  const scanLogged = () => {
    scan().catch((error: unknown) => logger.error({ err: error, dir }, 'inbox scan failed'));
  };

  return {
    scan,
    async start() {
      await mkdir(processedDir, { recursive: true });
      await mkdir(failedDir, { recursive: true });
      watcher = watch(dir, { persistent: false }, scanLogged);
      watcher.on('error', (error) =>
        logger.warn({ err: error, dir }, 'inbox watch failed; scanning only'),
      );
      interval = setInterval(scanLogged, options.scanIntervalMs ?? 5000);
      interval.unref();
      scanLogged();
    },
    async stop() {
      watcher?.close();
      watcher = null;
      if (interval) clearInterval(interval);
      interval = null;
      if (settleTimer) clearTimeout(settleTimer);
      settleTimer = null;
      // A file being ingested stops between batches and stays for the next start.
      stopping.abort();
      await scanning?.catch(() => []);
      // Only the watch stops for good; a scan asked for later runs whole.
      stopping = new AbortController();
    },
  };
}

/** A per-file problem already logged (once): the scan goes on without logging it again. */
class HandledError extends Error {}
