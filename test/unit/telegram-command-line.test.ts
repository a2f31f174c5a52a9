import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseCommandLine } from '../../src/core/command-line.ts';
import { ErrorId, UserError } from '../../src/core/errors.ts';
import { validateArgs } from '../../src/core/options.ts';
import { commandLineFor } from '../../src/platforms/telegram/adapter.ts';

const parse = (line: string) => parseCommandLine(line, commands);

function errorOf(work: () => unknown): UserError {
  try {
    work();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('Telegram command lines', () => {
  it('maps positional words, a trailing number and multi-word names onto options', () => {
    expect(parse('/briefing kosovo 3')).toEqual({
      command: 'briefing',
      args: { topic: 'kosovo', days: '3' },
    });
    expect(parse('/who john kirby')).toEqual({ command: 'who', args: { name: 'john kirby' } });
    expect(parse('/briefing "nagorno karabakh" 14').args).toEqual({
      topic: 'nagorno karabakh',
      days: '14',
    });
  });

  it('reads the quotes phone keyboards type', () => {
    expect(parse('/who “john kirby”').args).toEqual({ name: 'john kirby' });
    expect(parse('/who „Aleksandar Vučić“').args).toEqual({ name: 'Aleksandar Vučić' });
    expect(parse('/briefing «nagorno karabakh» 2').args).toEqual({
      topic: 'nagorno karabakh',
      days: '2',
    });
  });

  it('strips the bot name of group commands, and ignores commands for other bots', () => {
    const text = '/briefing@SitrepBot kosovo';
    expect(commandLineFor(text, '/briefing@SitrepBot'.length, 'sitrepbot')).toBe(
      '/briefing kosovo',
    );
    expect(commandLineFor('/Who john', 4, 'SitrepBot')).toBe('/who john');
    expect(commandLineFor('/briefing@OtherBot kosovo', 18, 'SitrepBot')).toBeNull();
    expect(parse('/briefing@SitrepBot kosovo')).toEqual({
      command: 'briefing',
      args: { topic: 'kosovo' },
    });
  });

  it('gives the same validation messages as every other platform', () => {
    const briefing = commands.find((command) => command.name === 'briefing')!;
    const tooMany = errorOf(() => validateArgs(briefing, parse('/briefing kosovo 999').args));
    expect(tooMany.id).toBe(ErrorId.OutOfRange);
    expect(tooMany.message).toBe('days must be between 1 and 365.');
    const missing = errorOf(() => validateArgs(briefing, parse('/briefing').args));
    expect(missing.id).toBe(ErrorId.MissingOption);
    expect(errorOf(() => parse('/nope')).id).toBe(ErrorId.UnknownCommand);
  });
});
