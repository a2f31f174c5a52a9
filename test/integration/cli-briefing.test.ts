import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import { sampleDir } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'sitrep-cli-briefing-'));
const db = join(work, 'sample.db');
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The sample corpus is analysed once for both questions (`ask --corpus` would do it per call).
beforeAll(async () => {
  expect((await runCliInProcess(['ingest', '--db', db, sampleDir])).code).toBe(0);
});

describe('sitrep ask for briefing commands', () => {
  it('describes a timeline chart in --json output instead of dumping its bytes', async () => {
    const result = await runCliInProcess([
      'ask',
      '--db',
      db,
      '--now',
      '2023-10-03T00:00:00Z',
      '--json',
      '/timeline kosovo 10',
    ]);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as {
      reply: { blocks: { type: string; alt?: string; bytes?: number; png?: unknown }[] };
    };
    const image = output.reply.blocks.find((block) => block.type === 'image')!;
    expect(image.png).toBeUndefined();
    expect(image.bytes).toBeGreaterThan(1000);
    expect(image.alt).toMatch(/Kosovo/);
  });

  it('prints the sparkline for a timeline on the console', async () => {
    const result = await runCliInProcess([
      'ask',
      '--db',
      db,
      '--now',
      '2023-10-03T00:00:00Z',
      '/timeline kosovo 10',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Articles per day +[▁▂▃▄▅▆▇█]+/);
  });
});
