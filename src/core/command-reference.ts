import type { AnyCommand, OptionSpec } from './command.ts';

/** `/who <name> [topic] [page] [days]`: required options in angle brackets, others in square. */
export function commandUsage(command: AnyCommand): string {
  const options = Object.entries(command.options).map(([name, spec]) =>
    spec.required ? `<${name}>` : `[${name}]`,
  );
  return ['/' + command.name, ...options].join(' ');
}

/** What an option accepts, when its description does not already say it all. */
function accepts(spec: OptionSpec): string | null {
  if (spec.type === 'integer') return `${spec.min} to ${spec.max}`;
  if (spec.type !== 'choice') return null;
  // Numbers are usually described as a range ("1-5"); names must each be named.
  const names = spec.choices.filter((choice) => !/^\d+$/.test(choice));
  const described = names.every((choice) => spec.description.includes(choice));
  return described ? null : spec.choices.join(', ');
}

/** One option as `/help <command>` and the README explain it. */
export function optionHelp(name: string, spec: OptionSpec): { name: string; text: string } {
  const range = accepts(spec);
  return { name, text: range ? `${spec.description}; ${range}` : spec.description };
}

/** Who may run a command and where, when that is limited; null for everyone everywhere. */
export function commandLimits(command: AnyCommand): string | null {
  const who = command.permission === 'manager' ? 'channel managers only' : null;
  const where = command.guildOnly ? 'in servers and groups, not private chats' : null;
  const text = [who, where].filter(Boolean).join(', ');
  return text ? `${text[0]!.toUpperCase()}${text.slice(1)}.` : null;
}

/**
 * A command as the README's table and `/help <command>` show it, made from its definition
 * alone, so the two never disagree with what the command accepts.
 */
export function commandReference(command: AnyCommand) {
  return {
    name: command.name,
    usage: commandUsage(command),
    description: command.description,
    details: command.details ?? null,
    options: Object.entries(command.options).map(([name, spec]) => optionHelp(name, spec)),
    limits: commandLimits(command),
  };
}

export type CommandReference = ReturnType<typeof commandReference>;
