import { commandReference } from '../src/core/command-reference.ts';
import { defineCommand } from '../src/core/command.ts';
import { ErrorId, UserError } from '../src/core/errors.ts';
import type { Block } from '../src/core/reply.ts';

export default defineCommand({
  name: 'help',
  description: 'List the commands, or explain one: /help subscribe',
  details: 'Every command with its options, or one command explained with what each option takes.',
  options: {
    command: {
      type: 'string',
      description: 'A command to explain, e.g. subscribe',
      maxLength: 32,
    },
  },
  run(args, { services }) {
    const commands = services.commands.map(commandReference);
    if (args.command === undefined) {
      return {
        reply: {
          blocks: [
            { type: 'heading', text: 'sitrep commands' },
            {
              type: 'list',
              items: commands.map((command) => ({
                text: `${command.usage}: ${command.description}`,
              })),
            },
            {
              type: 'notice',
              level: 'info',
              text: 'Plain text works too: a topic, a name or a question. /help <command> explains one.',
            },
          ],
          ephemeral: true,
        },
        data: { commands },
      };
    }
    const wanted = args.command.replace(/^\//, '').toLowerCase();
    const command = commands.find((candidate) => candidate.name === wanted);
    if (!command) {
      throw new UserError(
        ErrorId.UnknownCommand,
        `There is no /${wanted.slice(0, 32)} command. /help lists them.`,
      );
    }
    const blocks: Block[] = [
      { type: 'heading', text: command.usage },
      { type: 'text', text: command.details ?? command.description },
    ];
    if (command.options.length > 0) {
      blocks.push({
        type: 'list',
        items: command.options.map((option) => ({ text: `${option.name}: ${option.text}` })),
      });
    }
    if (command.limits) blocks.push({ type: 'notice', level: 'info', text: command.limits });
    return { reply: { blocks, ephemeral: true }, data: { commands: [command] } };
  },
});
