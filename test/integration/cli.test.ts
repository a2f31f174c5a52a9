import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BriefingView } from '../../src/briefing/briefing-view.ts';
import type { WhoView } from '../../src/briefing/who-view.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import { sampleDir, seedFixtureDir } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('sitrep ask', () => {
  it('answers /briefing kosovo on the sample corpus as JSON with numbered, resolvable sources', async () => {
    const result = await runCliInProcess([
      'ask',
      '--corpus',
      sampleDir,
      '--json',
      '/briefing kosovo',
    ]);
    expect(result.code).toBe(0);
    const { reply, data } = JSON.parse(result.stdout) as {
      reply: { blocks: { type: string }[] };
      data: BriefingView;
    };
    expect(data.topic).toBe('Kosovo');
    expect(data.sources.length).toBeGreaterThan(0);
    expect(data.sources.map((source) => source.n)).toEqual(
      data.sources.map((_, index) => index + 1),
    );
    const listed = new Set(data.sources.map((source) => source.n));
    for (const item of data.summary)
      for (const n of item.citations) expect(listed.has(n)).toBe(true);
    expect(reply.blocks.some((block) => block.type === 'sources')).toBe(true);
  });

  it('cites the seed article with its outlet and date when it is the whole corpus', async () => {
    const result = await runCliInProcess([
      'ask',
      '--corpus',
      seedFixtureDir,
      '--json',
      '/briefing kosovo',
    ]);
    expect(result.code).toBe(0);
    const { data } = JSON.parse(result.stdout) as { data: BriefingView };
    expect(data.sources).toHaveLength(1);
    expect(data.sources[0]).toMatchObject({ outlet: 'time news' });
    expect(data.sources[0]!.published.slice(0, 10)).toBe('2023-09-30');
  });

  it('finds what Kirby said in the seed article', async () => {
    const result = await runCliInProcess([
      'ask',
      '--corpus',
      seedFixtureDir,
      '--json',
      '/who kirby',
    ]);
    expect(result.code).toBe(0);
    const { data } = JSON.parse(result.stdout) as { data: WhoView };
    expect(data.person?.name).toBe('John Kirby');
    expect(
      data.statements.some((statement) => statement.text.includes('unprecedented deployment')),
    ).toBe(true);
  });

  it('does not see articles published after --now', async () => {
    const result = await runCliInProcess([
      'ask',
      '--corpus',
      seedFixtureDir,
      '--now',
      '2023-09-01T00:00:00Z',
      '/briefing kosovo',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/No coverage/);
  });

  it('exits 1 with one readable line for an unknown topic, and 2 for bad usage', async () => {
    const unknown = await runCliInProcess([
      'ask',
      '--corpus',
      seedFixtureDir,
      '/briefing atlantis',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout.trim().split('\n')).toHaveLength(1);
    const usage = await runCliInProcess(['ask']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage:/);
    expect((await runCliInProcess(['frobnicate'])).code).toBe(2);
  });
});

describe('sitrep ingest', () => {
  it('reports each bad file with its reason, adds the rest and exits 1', async () => {
    const inbox = join(work, 'mixed');
    const db = join(work, 'ingest.db');
    rmSync(inbox, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(inbox));
    writeFileSync(
      join(inbox, 'image.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    writeFileSync(join(inbox, 'empty.txt'), '');
    writeFileSync(join(inbox, 'broken.json'), '{"title": "Half an object"');
    writeFileSync(join(inbox, 'huge.txt'), `Huge\n\n${'word '.repeat(1_000_000)}`);
    writeFileSync(
      join(inbox, 'good.json'),
      JSON.stringify({ title: 'Kosovo talks resume', body: 'Envoys met in Brussels.' }),
    );

    const result = await runCliInProcess(['ingest', '--db', db, '--verbose', inbox]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/failed\s+\S*image\.png\s+binary file, not text/);
    expect(result.stdout).toMatch(/failed\s+\S*empty\.txt\s+empty file/);
    expect(result.stdout).toMatch(/failed\s+\S*broken\.json\s+invalid JSON/);
    expect(result.stdout).toMatch(/failed\s+\S*huge\.txt\s+file too large \(4\.8 MB/);
    expect(result.stdout).toMatch(/added\s+\S*good\.json#1\s+Kosovo talks resume/);
    expect(result.stdout).toMatch(/^1 added, 0 duplicate, 4 failed$/m);

    const again = await runCliInProcess(['ingest', '--db', db, join(inbox, 'good.json')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^0 added, 1 duplicate, 0 failed$/m);
  });
});
