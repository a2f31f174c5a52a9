import { resolveTopic } from '../src/corpus/topics.ts';
import { defineCommand } from '../src/core/command.ts';
import { ErrorId, UserError } from '../src/core/errors.ts';
import type { ReplyAction } from '../src/core/reply.ts';
import { numberSources } from '../src/briefing/sources.ts';
import { withStrayTopicWords } from '../src/briefing/stray-topic-words.ts';

/** Articles per page; buttons (Discord) or the printed command (console) show the next page. */
const PAGE_SIZE = 10;

const options = {
  topic: {
    type: 'string',
    description: 'Topic, e.g. kosovo (default: everything)',
    maxLength: 100,
    autocomplete: 'topic',
  },
  page: {
    type: 'integer',
    description: 'Page of 10 articles, newest first (default 1)',
    min: 1,
    max: 50,
  },
} as const;

export default defineCommand({
  name: 'sources',
  description: 'The latest articles, optionally on one topic: outlet, date, title and link',
  details: 'The latest articles, newest first: outlet, date, title and link, ten to a page.',
  options,
  run(args, { services }) {
    const to = services.clock.now().toISOString();
    const page = args.page ?? 1;
    const topic = args.topic === undefined ? undefined : resolveTopic(args.topic);
    // One article beyond the page tells whether a next page exists.
    const found = services.store.search({
      ...(topic ? { topic } : {}),
      to,
      limit: PAGE_SIZE * page + 1,
    });
    const articles = withStrayTopicWords(services.store, { options }, args, () => {
      const shown = found.slice(PAGE_SIZE * (page - 1), PAGE_SIZE * page);
      if (shown.length > 0) return shown;
      throw new UserError(
        ErrorId.NoCoverage,
        page > 1
          ? `There is no page ${page}; the last page is ${Math.max(1, Math.ceil(found.length / PAGE_SIZE))}.`
          : args.topic
            ? `No articles about "${args.topic}" yet.`
            : 'The corpus is empty.',
      );
    });
    const sources = numberSources(articles).sources.map((source) => ({
      ...source,
      n: source.n + PAGE_SIZE * (page - 1),
    }));
    const heading = args.topic ? `Latest on ${resolveTopic(args.topic).label}` : 'Latest articles';
    const actions: ReplyAction[] = [];
    if (found.length > PAGE_SIZE * page) {
      const topic = args.topic === undefined ? '' : ` "${args.topic.replace(/"/g, '')}"`;
      actions.push({ label: 'More sources', commandLine: `/sources${topic} page:${page + 1}` });
    }
    return {
      reply: {
        blocks: [
          { type: 'heading', text: page > 1 ? `${heading} (page ${page})` : heading },
          { type: 'sources', items: sources },
        ],
        actions,
      },
      data: { topic: args.topic ?? null, page, sources },
    };
  },
});
