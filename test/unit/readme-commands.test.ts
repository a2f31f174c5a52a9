import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { commandReference } from '../../src/core/command-reference.ts';
import { commandTable, withCommandTable } from '../../scripts/readme-commands.ts';
import { createTestApp, invocation } from '../helpers/app.ts';

const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

describe('the command reference', () => {
  it('is what the README shows (npm run docs:commands rewrites it)', () => {
    const table = commandTable(commands.map(commandReference));
    expect(withCommandTable(readme, table)).toBe(readme);
  });

  it('names every option of every command, with its range', () => {
    for (const command of commands) {
      const reference = commandReference(command);
      expect(reference.options.map((option) => option.name)).toEqual(Object.keys(command.options));
    }
    const who = commandReference(commands.find((command) => command.name === 'who')!);
    expect(who.usage).toBe('/who <name> [topic] [page] [days]');
    expect(who.options.find((option) => option.name === 'page')?.text).toMatch(/1 to 100/);
  });

  it('is what /help lists, and /help <command> explains each option', async () => {
    const app = createTestApp();
    const all = await app.dispatch(invocation('help'));
    const listed = (all.data as { commands: { usage: string }[] }).commands.map((c) => c.usage);
    for (const usage of listed) expect(readme).toContain(`| \`${usage}\` |`);
    const one = await app.dispatch(invocation('help', { command: 'subscribe' }));
    const text = JSON.stringify(one.reply);
    for (const option of ['topic', 'severity', 'digest']) expect(text).toContain(`${option}: `);
    expect((await app.dispatch(invocation('help', { command: 'launch' }))).errorId).toBe(
      'unknown-command',
    );
  });
});
