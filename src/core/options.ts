import type { AnyCommand, OptionSpec } from './command.ts';
import { ErrorId, UserError } from './errors.ts';

function validateOne(name: string, spec: OptionSpec, raw: string | number): string | number {
  switch (spec.type) {
    case 'string': {
      const value = String(raw).trim();
      if (value.length > spec.maxLength) {
        throw new UserError(
          ErrorId.OptionTooLong,
          `${name} is too long (at most ${spec.maxLength} characters).`,
          {
            option: name,
          },
        );
      }
      if (value.length < (spec.minLength ?? 1)) {
        throw new UserError(ErrorId.MissingOption, `${name} is empty.`, { option: name });
      }
      return value;
    }
    case 'integer': {
      const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isInteger(value)) {
        throw new UserError(ErrorId.BadOption, `${name} must be a whole number.`, { option: name });
      }
      if (value < spec.min || value > spec.max) {
        throw new UserError(
          ErrorId.OutOfRange,
          `${name} must be between ${spec.min} and ${spec.max}.`,
          {
            option: name,
          },
        );
      }
      return value;
    }
    case 'choice': {
      const value = String(raw).trim().toLowerCase();
      const choice = spec.choices.find((candidate) => candidate.toLowerCase() === value);
      if (choice === undefined) {
        throw new UserError(
          ErrorId.BadOption,
          `${name} must be one of: ${spec.choices.join(', ')}.`,
          {
            option: name,
          },
        );
      }
      return choice;
    }
  }
}

/**
 * Checks raw arguments against a command's options: required ones present, unknown ones
 * refused, strings within their lengths, integers within range, choices from their list.
 * Every platform goes through here, so they all give the same messages.
 */
export function validateArgs(
  command: AnyCommand,
  raw: Readonly<Record<string, string | number | undefined>>,
): Record<string, string | number> {
  const args: Record<string, string | number> = {};
  for (const name of Object.keys(raw)) {
    if (raw[name] !== undefined && !(name in command.options)) {
      throw new UserError(
        ErrorId.BadOption,
        `/${command.name} has no option "${name.slice(0, 32)}".`,
        {
          option: name,
        },
      );
    }
  }
  for (const [name, spec] of Object.entries(command.options)) {
    const value = raw[name];
    if (value === undefined || value === '') {
      if (spec.required) {
        throw new UserError(
          ErrorId.MissingOption,
          `/${command.name} needs ${name}: ${spec.description}`,
          {
            option: name,
          },
        );
      }
      continue;
    }
    args[name] = validateOne(name, spec, value);
  }
  return args;
}
