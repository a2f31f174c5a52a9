import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { defineCommand } from '../../src/core/command.ts';
import {
  commandJson,
  commandProblems,
  type CommandJson,
} from '../../src/platforms/discord/register.ts';

const manage = defineCommand({
  name: 'subscribe',
  description: 'Alerts for this channel',
  permission: 'manager',
  guildOnly: true,
  options: {
    days: { type: 'integer', description: 'Days', min: 1, max: 30 },
    topic: {
      type: 'string',
      description: 'Topic',
      required: true,
      maxLength: 100,
      autocomplete: 'topic',
    },
    level: { type: 'choice', description: 'Lowest level', choices: ['tense', 'fighting'] },
  },
  run: () => ({ reply: { blocks: [] }, data: null }),
});

describe('commandJson', () => {
  it('every command in commands/index.ts passes Discord rules', () => {
    expect(commandProblems(commands.map(commandJson))).toEqual([]);
  });

  it('maps option types, limits, choices, autocomplete and puts required options first', () => {
    const json = commandJson(manage);
    expect(json.options).toEqual([
      {
        name: 'topic',
        description: 'Topic',
        required: true,
        type: 3,
        max_length: 100,
        autocomplete: true,
      },
      { name: 'days', description: 'Days', required: false, type: 4, min_value: 1, max_value: 30 },
      {
        name: 'level',
        description: 'Lowest level',
        required: false,
        type: 3,
        choices: [
          { name: 'tense', value: 'tense' },
          { name: 'fighting', value: 'fighting' },
        ],
      },
    ]);
  });

  it('hides manager commands behind Manage Channels and keeps guild-only ones out of DMs', () => {
    const json = commandJson(manage);
    expect(json.default_member_permissions).toBe('16');
    expect(json.contexts).toEqual([0]);
    expect(json.dm_permission).toBe(false);
    const briefing = commandJson(commands.find((command) => command.name === 'briefing')!);
    expect(briefing.default_member_permissions).toBeNull();
    expect(briefing.contexts).toEqual([0, 1]);
  });
});

describe('commandProblems', () => {
  const valid = commandJson(manage);
  const problemsOf = (change: (json: CommandJson) => CommandJson) =>
    commandProblems([change(structuredClone(valid))]);

  it('accepts a valid command', () => {
    expect(commandProblems([valid])).toEqual([]);
  });

  it.each([
    ['an upper-case name', (j: CommandJson) => ({ ...j, name: 'Subscribe' }), /name must match/],
    ['a name over 32', (j: CommandJson) => ({ ...j, name: 'x'.repeat(33) }), /name must match/],
    ['an empty description', (j: CommandJson) => ({ ...j, description: '' }), /description/],
    [
      'a description over 100',
      (j: CommandJson) => ({ ...j, description: 'x'.repeat(101) }),
      /description/,
    ],
    [
      'more than 25 options',
      (j: CommandJson) => ({
        ...j,
        options: Array.from({ length: 26 }, (_, i) => ({
          name: `o${i}`,
          description: 'x',
          type: 3 as const,
        })),
      }),
      /at most 25/,
    ],
    [
      'an optional option before a required one',
      (j: CommandJson) => ({ ...j, options: [...j.options!].reverse() }),
      /required options must come before/,
    ],
    [
      'choices together with autocomplete',
      (j: CommandJson) => ({
        ...j,
        options: [{ ...j.options![0]!, choices: [{ name: 'a', value: 'a' }] } as never],
      }),
      /exclude each other/,
    ],
    [
      'min_value above max_value',
      (j: CommandJson) => ({
        ...j,
        options: [{ name: 'n', description: 'x', type: 4 as const, min_value: 5, max_value: 1 }],
      }),
      /min_value above max_value/,
    ],
  ])('refuses %s', (_label, change, problem) => {
    expect(problemsOf(change).join('\n')).toMatch(problem);
  });

  it('refuses a name used twice', () => {
    expect(commandProblems([valid, valid]).join('\n')).toMatch(/defined twice/);
  });
});
