import { buildWho } from '../src/briefing/who-view.ts';
import { defineCommand } from '../src/core/command.ts';
import type { Block } from '../src/core/reply.ts';

export default defineCommand({
  name: 'who',
  description: 'What a person said: direct quotes and reported statements with sources',
  options: {
    name: {
      type: 'string',
      description: 'Name or surname, e.g. kirby',
      required: true,
      maxLength: 100,
      autocomplete: 'person',
    },
  },
  run(args, { services }) {
    const view = buildWho(services.store, args.name, services.clock.now());
    const person = view.person!;
    const blocks: Block[] = [
      {
        type: 'person',
        name: person.name,
        roles: person.roles,
        detail: `${view.statements.length} statements`,
      },
      ...view.statements.map((statement, index): Block => ({
        type: 'quote',
        text: statement.text,
        speaker: person.name,
        date: statement.date,
        citation: index + 1,
      })),
      {
        type: 'sources',
        items: view.statements.map((statement, index) => ({
          n: index + 1,
          title: statement.article.title,
          outlet: statement.article.outlet,
          url: statement.article.url,
          published: statement.article.published,
        })),
      },
    ];
    return { reply: { blocks }, data: view };
  },
});
