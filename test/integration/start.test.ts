import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli-in-process.ts';

const work = mkdtempSync(join(tmpdir(), 'sitrep-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm start (console mode)', () => {
  it('loads the sample corpus on first start, answers piped commands and exits at end of input', async () => {
    const env = { SITREP_DB: join(work, 'first.db'), SITREP_INBOX: join(work, 'inbox') };
    const first = await runCliInProcess(['start'], { input: '/help\n/briefing kosovo\n', env });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/sample articles loaded/);
    expect(first.stdout).toMatch(/\/briefing <topic> \[days\]/);
    expect(first.stdout).toMatch(/Briefing: Kosovo/);
    expect(first.stdout).toMatch(/^\[1\] /m);

    const second = await runCliInProcess(['start'], { input: '/sources\n', env });
    expect(second.code).toBe(0);
    expect(second.stdout).not.toMatch(/sample articles loaded/);
    expect(second.stdout).toMatch(/Latest articles/);
  });
});
