import type { OptionSpec, OptionSpecs } from './command.ts';
import { ErrorId, UserError } from './errors.ts';

const NUMBER = /^-?\d+$/;

function fits(spec: OptionSpec, word: string): boolean {
  if (spec.type === 'integer')
    return NUMBER.test(word) && Number(word) >= spec.min && Number(word) <= spec.max;
  if (spec.type === 'choice')
    return spec.choices.some((choice) => choice.toLowerCase() === word.toLowerCase());
  return false;
}

const takesNumbers = (spec: OptionSpec) =>
  spec.type === 'integer' ||
  (spec.type === 'choice' && spec.choices.some((choice) => NUMBER.test(choice)));

/** What an option takes, in words: "a whole number from 1 to 365", "off or daily". */
function accepted(spec: OptionSpec): string {
  if (spec.type === 'integer') return `a whole number from ${spec.min} to ${spec.max}`;
  if (spec.type === 'string') return 'text';
  const numbers = spec.choices.filter((choice) => NUMBER.test(choice)).map(Number);
  const names = spec.choices.filter((choice) => !NUMBER.test(choice));
  const range = numbers.length > 0 ? `${Math.min(...numbers)} to ${Math.max(...numbers)}` : '';
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
  return [range, list].filter(Boolean).join(', or ');
}

function errorFor(name: string, spec: OptionSpec, word: string): UserError {
  const outOfRange = NUMBER.test(word) && takesNumbers(spec);
  return new UserError(
    outOfRange ? ErrorId.OutOfRange : ErrorId.BadOption,
    `${name} takes ${accepted(spec)}; "${word.slice(0, 32)}" is not one.`,
    { option: name, value: word },
  );
}

/**
 * Text platforms give every word that fits no option to the leading text option, so
 * `/briefing kosovo abc` asks about the topic "kosovo abc" and `/subscribe kosovo 6` about
 * "kosovo 6". When such a phrase finds nothing but its first words name something that exists
 * (`isKnown`), the words after them were meant for the options that follow: this returns the
 * error saying which option and what it takes (severity out of range, an unknown digest
 * value, a word where a number of days goes), or null when the phrase is not of that shape
 * and the caller's own error stands.
 */
export function strayWordsError(
  command: { options: OptionSpecs },
  option: string,
  args: Readonly<Record<string, unknown>>,
  isKnown: (phrase: string) => boolean,
): UserError | null {
  const words = String(args[option] ?? '')
    .trim()
    .split(/\s+/);
  let cut = words.length - 1;
  while (cut >= 1 && !isKnown(words.slice(0, cut).join(' '))) cut--;
  if (cut < 1) return null;
  const names = Object.keys(command.options);
  const open = names
    .slice(names.indexOf(option) + 1)
    .filter((name) => args[name] === undefined && command.options[name]!.type !== 'string');
  for (const word of words.slice(cut)) {
    const fitting = open.find((name) => fits(command.options[name]!, word));
    if (fitting) {
      open.splice(open.indexOf(fitting), 1);
      continue;
    }
    // `digest` alone: the option's name without its value.
    const named = open.find((name) => name === word.toLowerCase().replace(/[:=]$/, ''));
    if (named) {
      const spec = command.options[named]!;
      const values =
        spec.type === 'choice'
          ? spec.choices.slice(-3)
          : [String(spec.type === 'integer' ? spec.min : 'text')];
      return new UserError(
        ErrorId.BadOption,
        `${named} needs a value: ${values.map((value) => `${named}:${value}`).join(' or ')}.`,
        { option: named },
      );
    }
    const target = NUMBER.test(word)
      ? (open.find((name) => takesNumbers(command.options[name]!)) ?? open[0])
      : open[0];
    return target ? errorFor(target, command.options[target]!, word) : null;
  }
  return null;
}
