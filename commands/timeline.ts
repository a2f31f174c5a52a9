import { escalationChartSvg, svgToPng } from '../src/briefing/chart.ts';
import { sparkline } from '../src/briefing/sparkline.ts';
import { withStrayTopicWords } from '../src/briefing/stray-topic-words.ts';
import { buildTimeline } from '../src/briefing/timeline-view.ts';
import { defineCommand } from '../src/core/command.ts';
import { topicOption } from './topic-option.ts';
import type { Block } from '../src/core/reply.ts';

const options = {
  topic: topicOption,
  days: {
    type: 'integer',
    description: 'How many days back (default 30)',
    min: 1,
    max: 365,
  },
} as const;

export default defineCommand({
  name: 'timeline',
  description: 'A topic’s key events in date order, with a chart of coverage and escalation',
  details:
    "The topic's key events in date order with their severity, and a chart of every article and of escalation per day: a PNG on Discord and Telegram, a sparkline in the console. The window reaches back from the topic's newest article.",
  slow: true,
  options,
  run(args, { services }) {
    const view = withStrayTopicWords(services.store, { options }, args, () =>
      buildTimeline(services.store, args.topic, services.clock.now(), args.days),
    );
    const from = view.window.from.slice(0, 10);
    const to = view.window.to.slice(0, 10);
    const counts = view.days.map((day) => day.articles);
    const strongest = view.days.map((day) => day.strongestNew);
    const severityKnown = strongest.some((value) => value !== null);
    // Share of each day's articles that report violence (level 4-5), where any were scored.
    const violent = view.days.map((day) => {
      const scored = day.byLevel.reduce((sum, n) => sum + n, 0);
      return scored === 0 ? null : (day.byLevel[4]! + day.byLevel[5]!) / scored;
    });
    const fallback = [
      `Articles per day  ${sparkline(counts)}  (peak ${Math.max(0, ...counts)})`,
      ...(severityKnown
        ? [
            `Gravest new event ${sparkline(strongest, 5)}  (0-5)`,
            `Share violent     ${sparkline(violent, 1)}  (articles at level 4-5)`,
          ]
        : ['Severity          unknown (no event analysis)']),
      `                  ${from} to ${to}`,
    ].join('\n');
    const blocks: Block[] = [
      { type: 'heading', text: `Timeline: ${view.topic}` },
      {
        type: 'image',
        png: svgToPng(escalationChartSvg(`${view.topic}, ${from} to ${to}`, view.days)),
        alt: `${view.topic}: articles per day${severityKnown ? ' by level, and the gravest new event each day' : ''}, ${from} to ${to}`,
        fallback,
      },
      {
        type: 'list',
        items: view.stories.map((story) => ({
          text: `${story.date.slice(0, 10)} ${story.text}`,
          citations: story.citations,
          marker: story.severity === null ? '[?]' : `[${story.severity}]`,
        })),
      },
      { type: 'sources', items: view.sources },
    ];
    if (view.totalStories > view.stories.length)
      blocks.splice(2, 0, {
        type: 'text',
        text: `The ${view.stories.length} key events of ${view.totalStories}; every article is under All sources.`,
      });
    // The timeline lists the key events; the full list of the topic's coverage pages on.
    const actions = [{ label: 'All sources', commandLine: `/sources "${view.topic}"` }];
    return { reply: { blocks, actions, asOf: view.window.to }, data: view };
  },
});
