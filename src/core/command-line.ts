import type { AnyCommand } from './command.ts';
import { ErrorId, UserError } from './errors.ts';

/** The longest command line a text platform passes on; longer input is refused, not cut. */
export const MAX_COMMAND_LINE = 1000;

export interface ParsedCommandLine {
  command: string;
  /** Raw option values; `validateArgs` checks them. */
  args: Record<string, string>;
}

interface Token {
  text: string;
  quoted: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Phone keyboards turn quotes into typographic ones: “…”, „…“ and «…» count as quotes too.
  const pattern = /"([^"]*)"|“([^”]*)”|'([^']*)'|„([^“”]*)[“”]|«([^»]*)»|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    const quoted = match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5];
    tokens.push(
      quoted !== undefined ? { text: quoted, quoted: true } : { text: match[6]!, quoted: false },
    );
  }
  return tokens;
}

/**
 * Reads a typed command line (`/briefing kosovo 3`, `/who john kirby`, `/briefing@Bot kosovo`,
 * `/who "john kirby" topic:kosovo`) into a command name and raw options. Explicit `name:value`
 * pairs go to that option; other words fill the options in order, a trailing number going to an
 * integer option, and the first text option taking every remaining unquoted word so that names
 * need no quotes. Pure, so console and Telegram parse alike.
 */
export function parseCommandLine(line: string, commands: readonly AnyCommand[]): ParsedCommandLine {
  const trimmed = line.trim();
  if (trimmed.length > MAX_COMMAND_LINE) {
    throw new UserError(
      ErrorId.OptionTooLong,
      `That command is too long (at most ${MAX_COMMAND_LINE} characters).`,
    );
  }
  const head = /^\/?([\w-]+)(?:@\w+)?(?:\s+|$)/.exec(trimmed);
  if (!head) throw new UserError(ErrorId.UnknownCommand, 'Type /help to see the commands.');
  const name = head[1]!.toLowerCase();
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    throw new UserError(
      ErrorId.UnknownCommand,
      `There is no /${name.slice(0, 32)} command. Type /help to see them.`,
      {
        command: name,
      },
    );
  }

  const args: Record<string, string> = {};
  const positional: Token[] = [];
  for (const token of tokenize(trimmed.slice(head[0].length))) {
    const pair = token.quoted ? null : /^([a-z][\w-]*)[:=](.+)$/i.exec(token.text);
    const option = pair?.[1]?.toLowerCase();
    if (pair && option && option in command.options) args[option] = pair[2]!;
    else positional.push(token);
  }

  const open = Object.entries(command.options).filter(([option]) => !(option in args));
  // Trailing non-text options take trailing words that fit them (a number for an integer).
  while (open.length > 0 && positional.length > 0) {
    const [option, spec] = open.at(-1)!;
    const word = positional.at(-1)!.text;
    const fits =
      spec.type === 'integer'
        ? /^-?\d+$/.test(word)
        : spec.type === 'choice' &&
          spec.choices.some((choice) => choice.toLowerCase() === word.toLowerCase());
    if (!fits) break;
    args[option] = word;
    positional.pop();
    open.pop();
  }
  for (const [option, spec] of open) {
    if (positional.length === 0) break;
    if (spec.type !== 'string') {
      args[option] = positional.shift()!.text;
      continue;
    }
    const first = positional.shift()!;
    if (first.quoted) {
      args[option] = first.text;
      continue;
    }
    const words = [first.text];
    while (positional.length > 0 && !positional[0]!.quoted) words.push(positional.shift()!.text);
    args[option] = words.join(' ');
  }
  if (positional.length > 0) {
    throw new UserError(
      ErrorId.BadOption,
      `Too many words for /${command.name}; put names in quotes.`,
    );
  }
  return { command: command.name, args };
}
