import { resolveTopic } from '../src/corpus/topics.ts';
import { defineCommand } from '../src/core/command.ts';
import { ErrorId, UserError } from '../src/core/errors.ts';
import { numberSources } from '../src/briefing/sources.ts';

export default defineCommand({
  name: 'sources',
  description: 'The latest articles, optionally on one topic: outlet, date, title and link',
  options: {
    topic: {
      type: 'string',
      description: 'Topic, e.g. kosovo (default: everything)',
      maxLength: 100,
      autocomplete: 'topic',
    },
  },
  run(args, { services }) {
    const to = services.clock.now().toISOString();
    const terms = args.topic === undefined ? undefined : resolveTopic(args.topic).terms;
    const articles = services.store.search({ ...(terms ? { terms } : {}), to, limit: 10 });
    if (articles.length === 0) {
      throw new UserError(
        ErrorId.NoCoverage,
        args.topic ? `No articles about "${args.topic}" yet.` : 'The corpus is empty.',
      );
    }
    const { sources } = numberSources(articles);
    const heading = args.topic ? `Latest on ${resolveTopic(args.topic).label}` : 'Latest articles';
    return {
      reply: {
        blocks: [
          { type: 'heading', text: heading },
          { type: 'sources', items: sources },
        ],
      },
      data: { topic: args.topic ?? null, sources },
    };
  },
});
