import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  REST,
  Routes,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { AnyCommand, OptionSpec } from '../../core/command.ts';

export type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;

function optionJson(name: string, spec: OptionSpec): APIApplicationCommandBasicOption {
  const base = { name, description: spec.description, required: spec.required ?? false };
  switch (spec.type) {
    case 'string':
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        max_length: spec.maxLength,
        ...(spec.minLength !== undefined ? { min_length: spec.minLength } : {}),
        ...(spec.autocomplete ? { autocomplete: true } : {}),
      };
    case 'integer':
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        min_value: spec.min,
        max_value: spec.max,
      };
    case 'choice':
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        choices: spec.choices.map((choice) => ({ name: choice, value: choice })),
      };
  }
}

/**
 * Discord's JSON for one command. Required options come first because Discord demands it (the
 * command's own order is kept otherwise). `manager` commands are hidden from members without
 * Manage Channels by default; `guildOnly` commands are not offered in DMs.
 */
export function commandJson(command: AnyCommand): CommandJson {
  const options = Object.entries(command.options).map(([name, spec]) => optionJson(name, spec));
  options.sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false));
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: command.description,
    options,
    default_member_permissions:
      command.permission === 'manager' ? String(PermissionFlagsBits.ManageChannels) : null,
    dm_permission: !command.guildOnly,
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: command.guildOnly
      ? [InteractionContextType.Guild]
      : [InteractionContextType.Guild, InteractionContextType.BotDM],
  };
}

const NAME = /^[-_\p{Ll}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/**
 * Every rule Discord applies to chat-input commands that our definitions could break, as
 * readable problems (empty when the set is valid). Checked before upload and in a unit test, so
 * a bad command fails in CI rather than as a 400 from Discord.
 */
export function commandProblems(commands: readonly CommandJson[]): string[] {
  const problems: string[] = [];
  if (commands.length > 100) problems.push(`${commands.length} commands; Discord allows 100`);
  const seen = new Set<string>();
  for (const command of commands) {
    const where = `/${command.name}`;
    if (!NAME.test(command.name)) problems.push(`${where}: name must match ${NAME.source}`);
    if (seen.has(command.name)) problems.push(`${where}: defined twice`);
    seen.add(command.name);
    if (command.description.length < 1 || command.description.length > 100) {
      problems.push(`${where}: description must be 1 to 100 characters`);
    }
    const options = command.options ?? [];
    if (options.length > 25) problems.push(`${where}: ${options.length} options; at most 25`);
    let total = command.name.length + command.description.length;
    let optionalSeen = false;
    const optionNames = new Set<string>();
    for (const option of options) {
      const at = `${where} ${option.name}`;
      total += option.name.length + option.description.length;
      if (!NAME.test(option.name)) problems.push(`${at}: name must match ${NAME.source}`);
      if (optionNames.has(option.name)) problems.push(`${at}: defined twice`);
      optionNames.add(option.name);
      if (option.description.length < 1 || option.description.length > 100) {
        problems.push(`${at}: description must be 1 to 100 characters`);
      }
      if (option.required && optionalSeen) {
        problems.push(`${at}: required options must come before optional ones`);
      }
      if (!option.required) optionalSeen = true;
      if (option.type === ApplicationCommandOptionType.String) {
        const { min_length: min, max_length: max, choices, autocomplete } = option;
        if (min !== undefined && (min < 0 || min > 6000)) problems.push(`${at}: min_length 0-6000`);
        if (max !== undefined && (max < 1 || max > 6000)) problems.push(`${at}: max_length 1-6000`);
        if (min !== undefined && max !== undefined && min > max) {
          problems.push(`${at}: min_length above max_length`);
        }
        if (choices && autocomplete)
          problems.push(`${at}: choices and autocomplete exclude each other`);
        for (const choice of choices ?? []) {
          total += choice.name.length + choice.value.length;
          if (choice.name.length < 1 || choice.name.length > 100) {
            problems.push(`${at}: choice name "${choice.name}" must be 1 to 100 characters`);
          }
          if (choice.value.length > 100) problems.push(`${at}: choice value over 100 characters`);
        }
        if ((choices?.length ?? 0) > 25) problems.push(`${at}: at most 25 choices`);
      }
      if (option.type === ApplicationCommandOptionType.Integer) {
        const { min_value: min, max_value: max } = option;
        if (min !== undefined && max !== undefined && min > max) {
          problems.push(`${at}: min_value above max_value`);
        }
      }
    }
    if (total > 8000) problems.push(`${where}: ${total} characters in all; at most 8000`);
  }
  return problems;
}

export interface RegisterOptions {
  token: string;
  commands: readonly AnyCommand[];
  /** The application id; asked from Discord (`GET /applications/@me`) when absent. */
  applicationId?: string | undefined;
  /** Register in one server (instant, for development) instead of globally. */
  guildId?: string | undefined;
  /** REST base without version, e.g. a test fake's `http://127.0.0.1:PORT/api`. */
  apiBase?: string | undefined;
}

export interface RegisterResult {
  scope: 'global' | 'guild';
  applicationId: string;
  names: string[];
}

/**
 * Bulk-overwrites the application's commands with exactly `commands` (an idempotent PUT), in
 * one guild or globally. Run by `sitrep register-commands`, never at start-up: Discord allows
 * only 200 command creations per day per guild. Refuses to upload an invalid set.
 */
export async function registerDiscordCommands(options: RegisterOptions): Promise<RegisterResult> {
  const body = options.commands.map(commandJson);
  const problems = commandProblems(body);
  if (problems.length > 0) throw new Error(`invalid commands: ${problems.join('; ')}`);
  const rest = new REST(options.apiBase ? { api: options.apiBase } : {}).setToken(options.token);
  const applicationId =
    options.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const route = options.guildId
    ? Routes.applicationGuildCommands(applicationId, options.guildId)
    : Routes.applicationCommands(applicationId);
  const saved = (await rest.put(route, { body })) as { name: string }[];
  return {
    scope: options.guildId ? 'guild' : 'global',
    applicationId,
    names: saved.map((command) => command.name),
  };
}
