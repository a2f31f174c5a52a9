import { defineCommand } from '../src/core/command.ts';

export default defineCommand({
  name: 'help',
  description: 'List the commands and how to use them',
  options: {},
  run(_args, { services }) {
    const commands = services.commands.map((command) => ({
      name: command.name,
      usage: `/${[command.name, ...Object.entries(command.options).map(([name, spec]) => (spec.required ? `<${name}>` : `[${name}]`))].join(' ')}`,
      description: command.description,
    }));
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
        ],
        ephemeral: true,
      },
      data: { commands },
    };
  },
});
