import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { MAX_COMMAND_LINE, parseCommandLine } from '../../src/core/command-line.ts';
import { ErrorId, UserError } from '../../src/core/errors.ts';

const parse = (line: string) => parseCommandLine(line, commands);

function errorId(run: () => unknown): ErrorId | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error.id;
    throw error;
  }
  return undefined;
}

describe('typed command lines', () => {
  it('fills a text option and a trailing number', () => {
    expect(parse('/briefing kosovo 3')).toEqual({
      command: 'briefing',
      args: { topic: 'kosovo', days: '3' },
    });
  });

  it('lets a name run over several words without quotes', () => {
    expect(parse('/who john kirby')).toEqual({ command: 'who', args: { name: 'john kirby' } });
  });

  it('understands the group form /command@BotName and any case', () => {
    expect(parse('/BRIEFING@SitrepBot Kosovo')).toEqual({
      command: 'briefing',
      args: { topic: 'Kosovo' },
    });
  });

  it('keeps quoted words together and reads name:value pairs', () => {
    expect(parse('/briefing "nagorno karabakh" days:14')).toEqual({
      command: 'briefing',
      args: { topic: 'nagorno karabakh', days: '14' },
    });
  });

  it('works without the slash, as the console allows', () => {
    expect(parse('sources')).toEqual({ command: 'sources', args: {} });
  });

  it('refuses unknown commands and over-long lines with their ids', () => {
    expect(errorId(() => parse('/launch missiles'))).toBe(ErrorId.UnknownCommand);
    expect(errorId(() => parse(`/who ${'a'.repeat(MAX_COMMAND_LINE)}`))).toBe(
      ErrorId.OptionTooLong,
    );
    expect(errorId(() => parse('/status right now'))).toBe(ErrorId.BadOption);
  });
});
