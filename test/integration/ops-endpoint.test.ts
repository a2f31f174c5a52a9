import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, repoRoot } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'sitrep-ops-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Resolves with everything the child has printed once its output holds `text`; rejects if the
 * child exits first. Waits on the output itself, never on the clock.
 */
function printed(child: ChildProcessWithoutNullStreams, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!stdout.includes(text)) return;
      child.stdout.off('data', onData);
      child.off('close', onClose);
      resolve(stdout);
    };
    const onClose = (code: number | null) =>
      reject(new Error(`sitrep exited (${code}) before printing "${text}": ${stdout}`));
    child.stdout.on('data', onData);
    child.once('close', onClose);
  });
}

describe('the operations endpoint of a running bot', () => {
  it('serves health and counts the commands people ran', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [cliPath, 'start'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        LOG_LEVEL: 'silent',
        SITREP_DB: join(work, 'ops.db'),
        SITREP_HTTP_PORT: String(port),
        SITREP_INBOX: join(work, 'inbox'),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    // The endpoint listens before the sample corpus is loaded; the banner comes after it.
    await printed(child, 'sitrep console:');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { articles: number }).articles).toBeGreaterThan(30);

    const answered = printed(child, 'nobody-at-all');
    child.stdin.write('/help\n/who nobody-at-all\n');
    await answered;
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('sitrep_commands_total{command="help",outcome="ok"} 1');
    expect(metrics).toContain('sitrep_commands_total{command="who",outcome="user-error"} 1');
    expect(metrics).toMatch(/sitrep_ingest_articles_total\{result="added"\} (3\d|4\d)/);

    child.stdin.end();
    expect(await exited).toBe(0);
  });
});
