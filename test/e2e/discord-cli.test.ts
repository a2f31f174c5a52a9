import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { FakeDiscord } from '../fakes/discord.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});

function sitrep(args: string[], env: Record<string, string>) {
  return run(process.execPath, [resolve(repoRoot, 'bin/sitrep.js'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'silent', DISCORD_API_BASE: fake.apiBase, ...env },
  });
}

describe('sitrep register-commands', () => {
  it('bulk-overwrites the guild commands given with --guild', async () => {
    const { stdout } = await sitrep(['register-commands', '--guild', '500000000000000009'], {
      DISCORD_TOKEN: 'cli-token',
    });
    expect(stdout).toContain(`${commands.length} commands registered in the server`);
    const put = await fake.waitFor(
      (r) => r.method === 'PUT' && r.path.endsWith('/guilds/500000000000000009/commands'),
    );
    expect(put.headers.authorization).toBe('Bot cli-token');
    expect((put.body as unknown as { name: string }[]).map((c) => c.name)).toEqual(
      commands.map((c) => c.name),
    );
  });

  it('registers globally without a guild, using DISCORD_APPLICATION_ID', async () => {
    const before = fake.requests.length;
    const { stdout } = await sitrep(['register-commands'], {
      DISCORD_TOKEN: 'cli-token',
      DISCORD_APPLICATION_ID: '222222222222222222',
    });
    expect(stdout).toContain('registered globally');
    await fake.waitFor(
      (r) => r.method === 'PUT' && r.path === '/applications/222222222222222222/commands',
    );
    const asked = fake.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(asked).toEqual(['PUT /applications/222222222222222222/commands']);
  });
});
