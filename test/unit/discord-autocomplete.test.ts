import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Services } from '../../src/core/services.ts';
import { autocompleteChoices, MAX_CHOICES } from '../../src/platforms/discord/autocomplete.ts';

const who = commands.find((command) => command.name === 'who')!;
const briefing = commands.find((command) => command.name === 'briefing')!;

function services(suggest?: Services['suggest']): Services {
  return { commands, ...(suggest ? { suggest } : {}) } as unknown as Services;
}

describe('autocompleteChoices', () => {
  it('asks the suggest port for people and caps the answer at 25 unique choices', () => {
    const asked: string[] = [];
    const names = Array.from({ length: 40 }, (_, i) => ({ name: `Person ${i}`, value: `p${i}` }));
    const choices = autocompleteChoices(
      services((source, prefix) => {
        asked.push(`${source}:${prefix}`);
        return [...names, names[0]!];
      }),
      who,
      'name',
      'per',
    );
    expect(asked).toEqual(['person:per']);
    expect(choices).toHaveLength(MAX_CHOICES);
    expect(new Set(choices.map((choice) => choice.value)).size).toBe(MAX_CHOICES);
  });

  it('drops empty names and values longer than the option allows', () => {
    const choices = autocompleteChoices(
      services(() => [
        { name: ' ', value: 'x' },
        { name: 'Long', value: 'x'.repeat(101) },
        { name: 'John Kirby', value: 'John Kirby' },
      ]),
      who,
      'name',
      'k',
    );
    expect(choices).toEqual([{ name: 'John Kirby', value: 'John Kirby' }]);
  });

  it('falls back to the known topics, by prefix then by substring', () => {
    expect(autocompleteChoices(services(), briefing, 'topic', 'Kos')[0]).toEqual({
      name: 'Kosovo',
      value: 'kosovo',
    });
    expect(autocompleteChoices(services(), briefing, 'topic', 'stepan')).toEqual([
      { name: 'Nagorno-Karabakh', value: 'nagorno-karabakh' },
    ]);
  });

  it('prefers the cached topic suggestions when there are any', () => {
    const cached = services((source) =>
      source === 'topic' ? [{ name: 'Kosovo (12 stories)', value: 'kosovo' }] : [],
    );
    expect(autocompleteChoices(cached, briefing, 'topic', 'k')).toEqual([
      { name: 'Kosovo (12 stories)', value: 'kosovo' },
    ]);
  });

  it('offers nothing for options without autocomplete or unknown commands', () => {
    expect(autocompleteChoices(services(), briefing, 'days', '3')).toEqual([]);
    expect(autocompleteChoices(services(), undefined, 'topic', 'k')).toEqual([]);
  });
});
