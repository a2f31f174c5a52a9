import { spawn } from 'node:child_process';
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

/** Polls until the endpoint answers (the bot ingests the sample corpus first). */
async function until(url: string, tries = 200): Promise<Response> {
  for (let i = 0; i < tries; i++) {
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`no answer from ${url}`);
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
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));

    await until(`http://127.0.0.1:${port}/healthz`);
    for (let i = 0; i < 300 && !stdout.includes('sitrep console:'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { articles: number }).articles).toBeGreaterThan(30);

    child.stdin.write('/help\n/who nobody-at-all\n');
    for (let i = 0; i < 100 && !stdout.includes('nobody-at-all'); i++)
      await new Promise((r) => setTimeout(r, 50));
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('sitrep_commands_total{command="help",outcome="ok"} 1');
    expect(metrics).toContain('sitrep_commands_total{command="who",outcome="user-error"} 1');
    expect(metrics).toMatch(/sitrep_ingest_articles_total\{result="added"\} (3\d|4\d)/);

    child.stdin.end();
    expect(await exited).toBe(0);
  });
});
