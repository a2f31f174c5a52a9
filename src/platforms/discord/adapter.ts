import {
  DiscordAPIError,
  Events,
  HTTPError,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type Interaction,
} from 'discord.js';
import { parseCommandLine } from '../../core/command-line.ts';
import type { AnyCommand } from '../../core/command.ts';
import type { Dispatch, DispatchResult } from '../../core/dispatch.ts';
import { UserError } from '../../core/errors.ts';
import type { Invocation } from '../../core/invocation.ts';
import type { Logger } from '../../core/logger.ts';
import { noticeReply, type Reply } from '../../core/reply.ts';
import type { Services } from '../../core/services.ts';
import { autocompleteChoices } from './autocomplete.ts';
import { decodeCustomId } from './buttons.ts';
import { renderDiscord, type DiscordMessage } from './render.ts';

export interface InteractionOptions {
  dispatch: Dispatch;
  services: Services;
  /**
   * A command not marked `slow` that has not answered after this many milliseconds is
   * deferred anyway, so a surprise delay never breaks Discord's 3-second rule. Default 2000.
   */
  ackAfterMs?: number;
}

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

function invocationFor(
  interaction: Repliable,
  command: string,
  args: Invocation['args'],
): Invocation {
  // In a thread, the channel is its parent and the thread is named apart (subscriptions).
  const thread = interaction.channel?.isThread() ? interaction.channel : null;
  return {
    id: interaction.id,
    command,
    args,
    platform: 'discord',
    invoker: {
      id: interaction.user.id,
      name: interaction.user.displayName,
      isManager: interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
    },
    channel: {
      id: thread?.parentId ?? interaction.channelId ?? interaction.user.id,
      kind: interaction.inGuild() ? 'group' : 'dm',
      ...(thread ? { threadId: thread.id } : {}),
    },
  };
}

function payload(message: DiscordMessage) {
  return {
    embeds: message.embeds,
    components: message.components,
    files: message.files.map((file) => ({ attachment: Buffer.from(file.data), name: file.name })),
  };
}

/**
 * Sends a reply as the interaction's answer: update the clicked message (pages), edit the
 * deferred answer, or reply; further messages of a long reply follow up. A public defer cannot
 * turn private, so an ephemeral reply (an error) replaces the "thinking…" message instead.
 */
async function answer(interaction: Repliable, reply: Reply, update: boolean): Promise<void> {
  const [first, ...more] = renderDiscord(reply);
  const ephemeral = reply.ephemeral === true;
  const send = (message: DiscordMessage) => {
    const options = {
      ...payload(message),
      ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
    };
    return interaction.deferred || interaction.replied
      ? interaction.followUp(options)
      : interaction.reply(options);
  };
  if (ephemeral) {
    if (!update && interaction.deferred && !interaction.ephemeral) await interaction.deleteReply();
    await send(first!);
  } else if (interaction.deferred) {
    await interaction.editReply(payload(first!));
  } else if (update && interaction.isButton()) {
    await interaction.update(payload(first!));
  } else {
    await interaction.reply(payload(first!));
  }
  for (const message of more) await send(message);
}

/**
 * Runs a command for an interaction within Discord's 3 seconds: slow commands are deferred at
 * once, any other after `ackAfterMs` if it is still running.
 */
async function run(
  interaction: Repliable,
  invocation: Invocation,
  command: AnyCommand | undefined,
  options: InteractionOptions,
  update: boolean,
): Promise<DispatchResult> {
  // The deferral's failure (an expired interaction) is kept, not left unhandled, and reported
  // once the command has finished.
  let deferral: Promise<unknown> | null = null;
  const defer = () => {
    deferral ??= (
      update && interaction.isButton() ? interaction.deferUpdate() : interaction.deferReply()
    ).then(
      () => null,
      (error: unknown) => error,
    );
  };
  if (command?.slow) defer();
  const timer = setTimeout(defer, options.ackAfterMs ?? 2000);
  try {
    const result = await options.dispatch(invocation);
    clearTimeout(timer);
    const failure = await deferral;
    if (failure) throw failure;
    return result;
  } finally {
    clearTimeout(timer);
  }
}

async function onChatInput(
  interaction: ChatInputCommandInteraction,
  byName: Map<string, AnyCommand>,
  options: InteractionOptions,
): Promise<void> {
  const args: Invocation['args'] = {};
  for (const option of interaction.options.data) {
    if (typeof option.value === 'string' || typeof option.value === 'number') {
      args[option.name] = option.value;
    }
  }
  const invocation = invocationFor(interaction, interaction.commandName, args);
  const command = byName.get(interaction.commandName);
  const result = await run(interaction, invocation, command, options, false);
  await answer(interaction, result.reply, false);
}

async function onButton(
  interaction: ButtonInteraction,
  byName: Map<string, AnyCommand>,
  options: InteractionOptions,
): Promise<void> {
  const line = decodeCustomId(interaction.customId);
  if (!line) {
    await answer(interaction, noticeReply('warning', 'This button no longer works.', true), true);
    return;
  }
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(line, options.services.commands);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    await answer(interaction, noticeReply('warning', error.message, true), true);
    return;
  }
  const invocation = invocationFor(interaction, parsed.command, parsed.args);
  const result = await run(interaction, invocation, byName.get(parsed.command), options, true);
  await answer(interaction, result.reply, true);
}

/**
 * What of an error may be logged: REST errors carry the request URL, which holds the
 * interaction's token, so only their code, status and message are kept.
 */
export function loggableError(error: unknown): unknown {
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    const code = error instanceof DiscordAPIError ? error.code : undefined;
    return {
      name: error.name,
      message: error.message,
      status: error.status,
      method: error.method,
      code,
    };
  }
  return error;
}

async function onAutocomplete(
  interaction: AutocompleteInteraction,
  byName: Map<string, AnyCommand>,
  services: Services,
  logger: Logger,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const command = byName.get(interaction.commandName);
  let choices: ReturnType<typeof autocompleteChoices> = [];
  try {
    choices = autocompleteChoices(services, command, focused.name, String(focused.value));
  } catch (error) {
    // An empty list keeps the command usable; Discord would otherwise show an error.
    logger.error({ err: error, command: interaction.commandName }, 'autocomplete failed');
  }
  await interaction.respond(choices);
}

async function apologise(interaction: Interaction, logger: Logger): Promise<void> {
  if (!interaction.isRepliable()) return;
  const [message] = renderDiscord(
    noticeReply('error', 'Sorry, something went wrong answering that. It has been logged.', true),
  );
  try {
    const options = { ...payload(message!), flags: MessageFlags.Ephemeral } as const;
    if (interaction.deferred || interaction.replied) await interaction.followUp(options);
    else await interaction.reply(options);
  } catch (error) {
    logger.warn({ err: loggableError(error) }, 'could not apologise for a failed interaction');
  }
}

/**
 * Connects discord.js interactions to dispatch: slash commands, button clicks (pages) and
 * autocomplete. The adapter only translates; every command in `services.commands` works here
 * without Discord-specific code.
 */
export function attachInteractions(client: Client, options: InteractionOptions): void {
  const byName = new Map(options.services.commands.map((command) => [command.name, command]));
  const logger = options.services.logger.child({ platform: 'discord' });
  client.on(Events.InteractionCreate, (interaction) => {
    const handled = interaction.isChatInputCommand()
      ? onChatInput(interaction, byName, options)
      : interaction.isButton()
        ? onButton(interaction, byName, options)
        : interaction.isAutocomplete()
          ? onAutocomplete(interaction, byName, options.services, logger)
          : Promise.resolve();
    handled.catch(async (error: unknown) => {
      logger.error(
        { err: loggableError(error), interaction: interaction.id },
        'interaction failed',
      );
      await apologise(interaction, logger);
    });
  });
}
