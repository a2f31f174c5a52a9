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
  description: 'A topic’s stories in date order, with a chart of coverage and escalation',
  details:
    "The topic's stories in date order with their severity, and a chart of coverage and escalation per day: a PNG on Discord and Telegram, a sparkline in the console. The window reaches back from the topic's newest article.",
  slow: true,
  options,
  run(args, { services }) {
    const view = withStrayTopicWords(services.store, { options }, args, () =>
      buildTimeline(services.store, args.topic, services.clock.now(), args.days),
    );
    const from = view.window.from.slice(0, 10);
    const to = view.window.to.slice(0, 10);
    const counts = view.days.map((day) => day.articles);
    const severities = view.days.map((day) => day.maxSeverity);
    const severityKnown = severities.some((value) => value !== null);
    const fallback = [
      `Articles per day  ${sparkline(counts)}  (peak ${Math.max(0, ...counts)})`,
      `Max severity      ${severityKnown ? sparkline(severities, 5) : 'unknown (no event analysis)'}`,
      `                  ${from} to ${to}`,
    ].join('\n');
    const blocks: Block[] = [
      { type: 'heading', text: `Timeline: ${view.topic}` },
      {
        type: 'image',
        png: svgToPng(escalationChartSvg(`${view.topic}, ${from} to ${to}`, view.days)),
        alt: `${view.topic}: articles per day${severityKnown ? ' and highest daily severity' : ''}, ${from} to ${to}`,
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
    return { reply: { blocks, asOf: view.window.to }, data: view };
  },
});
