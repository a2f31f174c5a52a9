import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { FakeDiscord } from '../fakes/discord.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});

async function sitrep(args: string[], env: Record<string, string>) {
  const result = await runCliInProcess(args, {
    env: { DISCORD_API_BASE: fake.apiBase, ...env },
  });
  expect(result.code, result.stderr).toBe(0);
  return result;
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
