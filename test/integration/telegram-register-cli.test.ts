import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.ts';
import { main } from '../../src/cli.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/telegram-bot-api.ts';

let api: FakeBotApi;
const saved = { ...process.env };

beforeEach(async () => {
  api = await startFakeBotApi();
  process.env.TELEGRAM_BOT_TOKEN = '999:CLI';
  process.env.TELEGRAM_API_ROOT = api.apiRoot;
});

afterEach(async () => {
  process.env = { ...saved };
  vi.restoreAllMocks();
  await api.close();
});

describe('sitrep register-commands', () => {
  it('publishes every command to Telegram with setMyCommands', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await main(['register-commands'])).toBe(0);
    const [call] = api.callsTo('setMyCommands');
    expect((call?.body.commands as { command: string }[]).map((entry) => entry.command)).toEqual(
      commands.map((command) => command.name),
    );
    expect(String(out.mock.calls[0]?.[0])).toContain('telegram: registered /');
  });
});
