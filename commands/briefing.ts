import { buildBriefing } from '../src/briefing/briefing-view.ts';
import { defineCommand } from '../src/core/command.ts';
import type { Block } from '../src/core/reply.ts';

export default defineCommand({
  name: 'briefing',
  description: 'What is happening on a topic: escalation, summary, actors, quotes and sources',
  slow: true,
  options: {
    topic: {
      type: 'string',
      description: 'Topic, place or conflict, e.g. kosovo',
      required: true,
      maxLength: 100,
      autocomplete: 'topic',
    },
    days: {
      type: 'integer',
      description: 'How many days of coverage (default 7)',
      min: 1,
      max: 365,
    },
  },
  run(args, { services }) {
    const view = buildBriefing(services.store, args.topic, services.clock.now(), args.days);
    const level = view.escalation.level;
    const blocks: Block[] = [
      { type: 'heading', text: `Briefing: ${view.topic}` },
      {
        type: 'fields',
        fields: [
          {
            name: 'Escalation',
            value:
              level === null
                ? 'unknown'
                : `${level}/5 ${view.escalation.label}, ${view.escalation.trend}`,
          },
          {
            name: 'Window',
            value: `${view.window.from.slice(0, 10)} to ${view.window.to.slice(0, 10)}`,
          },
        ],
      },
      ...view.summary.map((item): Block => ({
        type: 'text',
        text: item.text,
        citations: item.citations,
      })),
    ];
    if (view.developments.length > 0) {
      blocks.push({
        type: 'list',
        items: view.developments.map((item) => ({
          text: `${item.date.slice(0, 10)} ${item.text}`,
          citations: item.citations,
        })),
      });
    }
    for (const quote of view.quotes) {
      blocks.push({
        type: 'quote',
        text: quote.text,
        speaker: quote.speaker,
        citation: quote.citation,
      });
    }
    blocks.push({ type: 'sources', items: view.sources });
    return { reply: { blocks, level, asOf: view.window.to }, data: view };
  },
});
