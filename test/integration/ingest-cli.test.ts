import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { captureIo } from '../helpers/cli-io.ts';

const work = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

const good = (n: number) =>
  JSON.stringify({
    title: `Kosovo talks resume, day ${n}`,
    body: `Envoys met in Brussels, day ${n}.`,
  });

async function ingest(argv: string[], options: { stderrIsTTY?: boolean } = {}) {
  const run = captureIo(options);
  const code = await main(['ingest', '--db', join(work, 'sitrep.db'), ...argv], run.io);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

describe('sitrep ingest', () => {
  it('exits 1 when an input failed, printing failures and totals only', async () => {
    const mixed = folder('mixed', {
      'a.json': good(1),
      'b.json': '{"title": "Half an object"',
      'c.txt': '',
    });
    const result = await ingest([mixed]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^failed\s+\S*b\.json\s+invalid JSON/m);
    expect(result.stdout).toMatch(/^failed\s+\S*c\.txt\s+empty file/m);
    expect(result.stdout).not.toMatch(/^added/m);
    expect(result.stdout).toMatch(/^1 added, 0 duplicate, 2 failed$/m);
    expect(result.stderr).toBe('');
  });

  it('exits 0 when every input was read, duplicates included; --verbose lists each article', async () => {
    const clean = folder('clean', { 'd.json': good(2), 'e.json': good(1) });
    const result = await ingest(['--verbose', clean]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^added\s+\S*d\.json#1\s+Kosovo talks resume, day 2$/m);
    expect(result.stdout).toMatch(/^duplicate\s+\S*e\.json#1/m);
    expect(result.stdout).toMatch(/^1 added, 1 duplicate, 0 failed$/m);
  });

  it('shows progress and a summary on a terminal', async () => {
    const more = folder('more', { 'f.json': good(3), 'g.json': good(4) });
    const result = await ingest([more], { stderrIsTTY: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\r\d+ of ~?\d+ articles?, [\d,]+\/s/);
    expect(result.stderr).toMatch(/\ringested 2 articles in \d+:\d\d \([\d,]+\/s\)/);
    expect(result.stdout).toMatch(/^2 added, 0 duplicate, 0 failed$/m);
  });
});
