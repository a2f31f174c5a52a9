import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { IngestReport } from '../corpus/ingest.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { InboxEntry, SourceState } from './source-state.ts';

export interface InboxOptions {
  dir: string;
  /** Ingests one file (the ingester's `ingestPaths([path])`). */
  ingestFile(path: string): Promise<IngestReport>;
  state: SourceState;
  clock: Clock;
  logger: Logger;
  /** Rescan period, the fallback for file systems where `fs.watch` misses events. */
  scanIntervalMs?: number;
}

export interface Inbox {
  /** Ingests every file waiting in the folder, oldest name first. */
  scan(): Promise<InboxEntry[]>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Names a writer is still busy with (partial downloads, editors' temporary files). */
const IN_PROGRESS = /^\.|\.(tmp|part|partial|crdownload|swp)$|~$/i;

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

/** How long a file's size and time must hold still before it is taken as complete. */
const SETTLE_MS = 25;
/** An empty file younger than this is taken as one still being created. */
const EMPTY_GRACE_MS = 2000;

/**
 * True when nobody seems to be writing the file any more: it is not empty (or has been empty
 * for a while) and its size and modification time hold still for a moment. A file that is not
 * settled is left for the next watch event or scan.
 */
async function settled(path: string, nowMs: number): Promise<boolean> {
  const before = await stat(path);
  if (before.size === 0 && nowMs - before.mtimeMs < EMPTY_GRACE_MS) return false;
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const after = await stat(path);
  return after.size === before.size && after.mtimeMs === before.mtimeMs;
}

function reasonOf(report: IngestReport): string | null {
  if (report.failed.length > 0)
    return report.failed
      .map((failure) => `${basename(failure.origin)}: ${failure.reason}`)
      .join('; ');
  if (report.added.length === 0 && report.duplicates.length > 0) return 'already in the corpus';
  return null;
}

/**
 * The drop folder: each file put there is ingested, then moved to `processed/` (with the
 * articles it added) or `failed/` (with a `.reason.txt` beside it saying why). Best drop
 * finished files, or write under a temporary name (`.tmp`, `.part`) and rename; a file whose size
 * still changes is left until it settles.
 * `fs.watch` gives speed; a periodic scan catches whatever it misses.
 */
export function createInbox(options: InboxOptions): Inbox {
  const { dir, state, clock, logger } = options;
  const processedDir = join(dir, 'processed');
  const failedDir = join(dir, 'failed');
  let watcher: FSWatcher | null = null;
  let interval: NodeJS.Timeout | null = null;
  let scanning: Promise<InboxEntry[]> | null = null;
  let again = false;

  async function processFile(name: string): Promise<InboxEntry | null> {
    const path = join(dir, name);
    let info;
    try {
      info = await stat(path);
    } catch {
      return null;
    }
    // File times are wall-clock times, so they are compared with the wall clock.
    if (!info.isFile() || !(await settled(path, Date.now()))) return null;
    const report = await options.ingestFile(path);
    const failed = report.added.length === 0 && report.duplicates.length === 0;
    const reason = reasonOf(report);
    const target = await freeName(failed ? failedDir : processedDir, name);
    await rename(path, target);
    if (reason && (failed || report.failed.length > 0))
      await writeFile(`${target}.reason.txt`, `${reason}\n`);
    const entry: InboxEntry = {
      file: name,
      outcome: failed ? 'failed' : 'processed',
      added: report.added.length,
      reason,
      at: clock.now().toISOString(),
    };
    state.logInbox(entry);
    logger.info(
      { file: name, outcome: entry.outcome, added: entry.added, reason },
      'inbox file handled',
    );
    return entry;
  }

  async function scanOnce(): Promise<InboxEntry[]> {
    const names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && !IN_PROGRESS.test(entry.name))
      .map((entry) => entry.name)
      .sort();
    const entries: InboxEntry[] = [];
    for (const name of names) {
      const entry = await processFile(name);
      if (entry) entries.push(entry);
    }
    return entries;
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
      } while (again);
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
      await scanning?.catch(() => []);
    },
  };
}
