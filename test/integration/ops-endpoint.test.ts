import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { setEnvironment } from '../helpers/cli-in-process.ts';

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
 * The console's output stream, and a promise that resolves with everything printed so far once
 * it holds `text`: the test waits on the output itself, never on the clock.
 */
function watchedOutput() {
  const stream = Object.assign(new PassThrough(), { isTTY: false, columns: 100 });
  let printed = '';
  const waiting: { text: string; resolve: (printed: string) => void }[] = [];
  stream.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
    for (const wait of waiting.filter((one) => printed.includes(one.text))) {
      waiting.splice(waiting.indexOf(wait), 1);
      wait.resolve(printed);
    }
  });
  const printedText = (text: string) =>
    new Promise<string>((resolve) => {
      if (printed.includes(text)) resolve(printed);
      else waiting.push({ text, resolve });
    });
  return { stream, printed: printedText };
}

describe('the operations endpoint of a running bot', () => {
  it('serves health and counts the commands people ran', async () => {
    const port = await freePort();
    const restore = setEnvironment({
      LOG_LEVEL: 'silent',
      SITREP_DB: join(work, 'ops.db'),
      SITREP_HTTP_PORT: String(port),
      SITREP_INBOX: join(work, 'inbox'),
    });
    const stdin = Object.assign(new PassThrough(), { isTTY: false });
    const stdout = watchedOutput();
    const stderr = Object.assign(new PassThrough(), { isTTY: false });
    const exited = main(['start'], { stdin, stdout: stdout.stream, stderr }).finally(restore);

    // The endpoint listens before the sample corpus is loaded; the banner comes after it.
    await Promise.race([stdout.printed('sitrep console:'), exited]);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { articles: number }).articles).toBeGreaterThan(30);

    const answered = stdout.printed('nobody-at-all');
    stdin.write('/help\n/who nobody-at-all\n');
    await Promise.race([answered, exited]);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('sitrep_commands_total{command="help",outcome="ok"} 1');
    expect(metrics).toContain('sitrep_commands_total{command="who",outcome="user-error"} 1');
    expect(metrics).toMatch(/sitrep_ingest_articles_total\{result="added"\} (3\d|4\d)/);

    stdin.end();
    expect(await exited).toBe(0);
  });
});
