import type { Reply } from './reply.ts';
import type { Invocation } from './invocation.ts';
import type { Services } from './services.ts';

/** Where an autocomplete provider finds its choices. */
export type AutocompleteSource = 'person' | 'topic';

interface OptionBase {
  description: string;
  required?: boolean;
}

export interface StringOption extends OptionBase {
  type: 'string';
  minLength?: number;
  maxLength: number;
  autocomplete?: AutocompleteSource;
}

export interface IntegerOption extends OptionBase {
  type: 'integer';
  min: number;
  max: number;
}

export interface ChoiceOption extends OptionBase {
  type: 'choice';
  choices: readonly string[];
}

export type OptionSpec = StringOption | IntegerOption | ChoiceOption;
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S extends IntegerOption
  ? number
  : S extends ChoiceOption
    ? S['choices'][number]
    : string;

/** The validated arguments a command's `run` receives, typed from its option specs. */
export type ArgsOf<O extends OptionSpecs> = {
  [K in keyof O as O[K] extends { required: true } ? K : never]: ValueOf<O[K]>;
} & {
  [K in keyof O as O[K] extends { required: true } ? never : K]?: ValueOf<O[K]>;
};

/** Who may run a command. Platforms decide what "manager" means (Manage Channels, chat admin). */
export type Permission = 'everyone' | 'manager';

/** What a command returns: the reply people read and the typed view `--json` prints. */
export interface Answer {
  reply: Reply;
  data: unknown;
}

export interface CommandContext {
  services: Services;
  invocation: Invocation;
}

export interface CommandDefinition<O extends OptionSpecs = OptionSpecs> {
  /** Lowercase letters, digits and `_` or `-`, at most 32 characters (Discord and Telegram rules). */
  name: string;
  /** One line, at most 100 characters (Discord's limit): menus, autocomplete and `/help`. */
  description: string;
  /** What the answer holds and how it is chosen, for `/help <command>` and the README. */
  details?: string;
  options: O;
  permission?: Permission;
  /** Servers and groups only (subscriptions belong to a channel, not a DM). */
  guildOnly?: boolean;
  /** May take over a second (LLM, large corpora): platforms acknowledge first, then answer. */
  slow?: boolean;
  /** Changes what the bot stores (subscriptions, snoozes): refused where answers only read. */
  writes?: boolean;
  run(args: ArgsOf<O>, context: CommandContext): Answer | Promise<Answer>;
}

/** A command whose argument types are erased, as dispatch and platforms hold them. */
export type AnyCommand = CommandDefinition<OptionSpecs> & {
  run(args: Record<string, unknown>, context: CommandContext): Answer | Promise<Answer>;
};

/**
 * Declares a command; the option specs type `run`'s arguments. Returning the definition as
 * `AnyCommand` lets `commands/index.ts` list commands of different shapes in one array.
 */
export function defineCommand<const O extends OptionSpecs>(
  definition: CommandDefinition<O>,
): AnyCommand {
  return definition as unknown as AnyCommand;
}
