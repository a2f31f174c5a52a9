import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, repoRoot } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'sitrep-shutdown-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Starts `sitrep start` in console mode with standard input held open (a REPL waiting for a
 * line), sends `signal` once the banner is up, and returns how the process ended.
 */
function startThenSignal(
  db: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, 'start'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        LOG_LEVEL: 'silent',
        SITREP_DB: db,
        SITREP_INBOX: join(work, 'inbox'),
        SITREP_SAMPLE_DIR: join(work, 'no-sample'),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!signalled && stdout.includes('Type /help')) {
        signalled = true;
        child.kill(signal);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('sitrep start stops cleanly on a signal', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: exit code 0, no stack trace, the database closed and whole`, async () => {
      const db = join(work, `${signal}.db`);
      const result = await startThenSignal(db, signal);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(`${signal}, stopping`);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      // Closing the last connection checkpoints the write-ahead log and removes it.
      const wal = `${db}-wal`;
      expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
      const sqlite = new Database(db, { readonly: true });
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      sqlite.close();
    });
  }
});
