import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crashArticles } from '../fixtures/crash-articles.ts';
import { repoRoot } from '../helpers/paths.ts';

/**
 * Kills of the bot process; CRASH_KILLS overrides it for a longer soak. Each kill costs a
 * process start (a few seconds of CPU, most of this test's time), so each is made to count:
 * every restart has new files to ingest, and every other kill waits for a delivery in flight.
 */
const KILLS = Number(process.env['CRASH_KILLS'] ?? 6);
/** The seed of the kill moments and drops; CRASH_SEED replays a logged run. */
const SEED = Number(process.env['CRASH_SEED'] ?? Date.now() % 1_000_000);
const WORKER = join(repoRoot, 'test/fakes/crash-worker.ts');

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Dirs {
  db: string;
  inbox: string;
  sent: string;
}

function makeDirs(): Dirs {
  const root = mkdtempSync(join(tmpdir(), 'sitrep-crash-'));
  const inbox = join(root, 'inbox');
  mkdirSync(inbox);
  return { db: join(root, 'bot.sqlite'), inbox, sent: join(root, 'sent.jsonl') };
}

function spawnWorker(dirs: Dirs, finish: boolean): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: repoRoot,
    env: {
      ...process.env,
      CRASH_DB: dirs.db,
      CRASH_INBOX: dirs.inbox,
      CRASH_SENT: dirs.sent,
      CRASH_FINISH: finish ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves when the worker prints `line`, rejects when it exits first. */
function waitFor(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split('\n').includes(line)) resolve();
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`worker exited (${code ?? signal}) before "${line}": ${err}`)),
    );
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/** Drops an article file the way the inbox asks: written under a temporary name, then renamed. */
function drop(inbox: string, index: number): string {
  const name = `article-${String(index).padStart(2, '0')}.json`;
  writeFileSync(join(inbox, `${name}.tmp`), JSON.stringify(crashArticles[index]));
  renameSync(join(inbox, `${name}.tmp`), join(inbox, name));
  return name;
}

interface KillState {
  sending: number;
  waitingFiles: number;
}

/** The cheap checks after each kill: the file is sound and nothing is half done. */
function checkAfterKill(db: string, inbox: string): KillState {
  const sqlite = new Database(db);
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const halfIngested = sqlite
      .prepare(
        `SELECT count(*) AS n FROM articles a
         WHERE NOT EXISTS (SELECT 1 FROM analyses x WHERE x.article_id = a.id)
            OR NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)`,
      )
      .get() as { n: number };
    expect(halfIngested.n).toBe(0);
    const states = sqlite
      .prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state')
      .all() as {
      state: string;
      n: number;
    }[];
    for (const { state } of states) expect(['pending', 'sending', 'sent']).toContain(state);
    return {
      sending: states.find((row) => row.state === 'sending')?.n ?? 0,
      waitingFiles: readdirSync(inbox, { withFileTypes: true }).filter((e) => e.isFile()).length,
    };
  } finally {
    sqlite.close();
  }
}

function outboxRows(db: string): { delivery_id: string; state: string }[] {
  const sqlite = new Database(db, { readonly: true });
  try {
    return sqlite.prepare('SELECT delivery_id, state FROM outbox ORDER BY id').all() as {
      delivery_id: string;
      state: string;
    }[];
  } finally {
    sqlite.close();
  }
}

async function finishRun(dirs: Dirs): Promise<void> {
  const child = spawnWorker(dirs, true);
  await waitFor(child, 'done');
  await exited(child);
  expect(child.exitCode).toBe(0);
}

describe('crash loop: SIGKILL during ingest and delivery', () => {
  it(
    `loses no article or alert and delivers each alert once over ${KILLS} kills`,
    async () => {
      console.log(`crash loop: seed ${SEED} (CRASH_SEED=${SEED} replays it), ${KILLS} kills`);
      const random = prng(SEED);
      const dirs = makeDirs();
      const dropped: string[] = [];
      let next = 0;
      let killedWithSending = 0;
      let killedWithFiles = 0;
      for (let kill = 0; kill < KILLS; kill++) {
        // Between restarts, one to four new files land in the inbox.
        const drops = 1 + Math.floor(random() * 4);
        for (let d = 0; d < drops && next < crashArticles.length; d++)
          dropped.push(drop(dirs.inbox, next++));
        const child = spawnWorker(dirs, false);
        // Either line may never come: the process is killed first, or has nothing to send.
        const sending = waitFor(child, 'sending');
        const idle = waitFor(child, 'idle');
        sending.catch(() => {});
        idle.catch(() => {});
        await waitFor(child, 'ready');
        // The worker is ingesting and delivering from "ready" on. Every other kill lands at a
        // random moment of that; the others as a delivery is on its way (the in-doubt window),
        // or once the worker is idle when this restart has no delivery to make.
        const delay = Math.floor(random() * 500);
        if (kill % 2 === 0) await new Promise((resolve) => setTimeout(resolve, delay));
        else await Promise.race([sending, idle]);
        child.kill('SIGKILL');
        await exited(child);
        const state = checkAfterKill(dirs.db, dirs.inbox);
        if (state.sending > 0) killedWithSending++;
        if (state.waitingFiles > 0) killedWithFiles++;
      }
      while (next < crashArticles.length) dropped.push(drop(dirs.inbox, next++));
      await finishRun(dirs);

      // Every dropped file was handled once, none failed, and each is one stored article.
      const waiting = readdirSync(dirs.inbox, { withFileTypes: true }).filter((e) => e.isFile());
      expect(waiting).toEqual([]);
      expect(readdirSync(join(dirs.inbox, 'failed'))).toEqual([]);
      expect(readdirSync(join(dirs.inbox, 'processed')).sort()).toEqual([...dropped].sort());
      const sqlite = new Database(dirs.db, { readonly: true });
      const stored = (sqlite.prepare('SELECT count(*) AS n FROM articles').get() as { n: number })
        .n;
      sqlite.close();
      expect(stored).toBe(dropped.length);

      // Every alert is sent, and the platform saw each delivery id, and only those.
      const rows = outboxRows(dirs.db);
      expect(rows.length).toBeGreaterThan(3);
      expect(rows.filter((row) => row.state !== 'sent')).toEqual([]);
      const attempts = readFileSync(dirs.sent, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { deliveryId: string; channel: string });
      const distinct = new Set(attempts.map((attempt) => attempt.deliveryId));
      expect([...distinct].sort()).toEqual(rows.map((row) => row.delivery_id).sort());

      // The same drops without any crash give the same alerts: none lost, none invented.
      const calm = makeDirs();
      for (let index = 0; index < crashArticles.length; index++) drop(calm.inbox, index);
      await finishRun(calm);
      expect(rows.map((row) => row.delivery_id).sort()).toEqual(
        outboxRows(calm.db)
          .map((row) => row.delivery_id)
          .sort(),
      );

      console.log(
        `crash loop: ${KILLS} kills (${killedWithFiles} with inbox files waiting, ${killedWithSending} with a delivery in "sending"); ` +
          `${dropped.length} articles, ${stored} stored; ${rows.length} deliveries, ${attempts.length} raw sends, ` +
          `${attempts.length - distinct.size} re-sends of in-doubt deliveries, 0 lost`,
      );
    },
    KILLS * 30_000 + 120_000,
  );
});
