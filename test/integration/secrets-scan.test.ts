import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { seedFixtureDir } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'sitrep-secrets-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Nothing listens on port 9 of loopback, so every platform call fails at once.
const DEAD = 'http://127.0.0.1:9';
const DISCORD = 'MTIz.discord-secret-token-0001';
const TELEGRAM = '123456:telegram-secret-token-0002';
const OPENAI = 'sk-openai-secret-key-0003';

describe('secrets in everything the bot prints', () => {
  it('never shows a platform token, even when start-up fails on every platform', async () => {
    const result = await runCli(['start'], {
      env: {
        LOG_LEVEL: 'trace',
        SITREP_DB: join(work, 'start.db'),
        SITREP_INBOX: join(work, 'inbox'),
        DISCORD_TOKEN: DISCORD,
        DISCORD_API_BASE: `${DEAD}/api`,
        TELEGRAM_BOT_TOKEN: TELEGRAM,
        TELEGRAM_API_ROOT: DEAD,
      },
    });
    const captured = result.stdout + result.stderr;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sitrep: stopped: .*ECONNREFUSED/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    for (const secret of [DISCORD, TELEGRAM, 'discord-secret', 'telegram-secret']) {
      expect(captured).not.toContain(secret);
    }
  });

  it('never shows the model key when the model cannot be reached', async () => {
    const result = await runCli(['ask', '--corpus', seedFixtureDir, '/briefing kosovo'], {
      env: {
        LOG_LEVEL: 'trace',
        OPENAI_API_KEY: OPENAI,
        OPENAI_BASE_URL: `${DEAD}/v1`,
        SITREP_LLM_TIMEOUT_MS: '2000',
      },
    });
    const captured = result.stdout + result.stderr;
    expect(result.code).toBe(0);
    expect(captured).toContain('Briefing');
    expect(captured).not.toContain(OPENAI);
    expect(captured).not.toContain('openai-secret');
  });
});
