import { buildBriefing, markNew, withModelSummary } from '../src/briefing/briefing-view.ts';
import { rememberShown, unseenStories } from '../src/briefing/seen-stories.ts';
import { withStrayTopicWords } from '../src/briefing/stray-topic-words.ts';
import { defineCommand } from '../src/core/command.ts';
import { topicOption } from './topic-option.ts';
import type { Block } from '../src/core/reply.ts';

/** What a briefing says when it gives no level. */
const UNRATED: Record<string, string> = {
  unknown: 'unknown (no event analysis available)',
  'not rated':
    'not rated (only transcripts and official documents, whose headlines report no event)',
};
import { plural } from '../src/core/plural.ts';

const options = {
  topic: topicOption,
  days: {
    type: 'integer',
    description: 'How many days of coverage (default 7)',
    min: 1,
    max: 365,
  },
} as const;

export default defineCommand({
  name: 'briefing',
  description: 'What is happening on a topic: escalation, summary, actors, quotes and sources',
  details:
    "The topic's escalation level (0 to 5) and trend with the events behind it, a summary drawn from several sources with citations, the developments (marked NEW when this channel has not seen them), key actors, telling quotes and numbered sources. The window reaches back from the topic's newest article, not from today.",
  slow: true,
  options,
  async run(args, { services, invocation }) {
    const now = services.clock.now();
    const draft = withStrayTopicWords(services.store, { options }, args, () =>
      buildBriefing(services.store, args.topic, now, args.days),
    );
    const written = services.llm
      ? await withModelSummary(
          draft,
          services.llm,
          `${draft.topicKey}|${draft.view.window.from}|${draft.view.window.to}|${services.store.version()}`,
        )
      : { view: draft.view, note: null };
    const channel = `${invocation.platform}:${invocation.channel.id}`;
    const stories = written.view.developments.map((item) => item.story);
    // A read-only request (`sitrep ask`) sees what is new to the channel without recording it.
    const fresh = invocation.readOnly
      ? unseenStories(services.store.db, channel, draft.topicKey, stories)
      : rememberShown(services.store.db, channel, draft.topicKey, stories, now);
    const view = markNew(written.view, fresh);
    const { escalation } = view;

    const blocks: Block[] = [
      { type: 'heading', text: `Briefing: ${view.topic}` },
      {
        type: 'fields',
        fields: [
          {
            name: 'Escalation',
            value:
              escalation.level === null
                ? (UNRATED[escalation.label] ?? escalation.label)
                : `${escalation.level}/5 ${escalation.label}${escalation.trend ? `, ${escalation.trend}` : ''}`,
          },
          {
            name: 'Window',
            value: `${view.window.from.slice(0, 10)} to ${view.window.to.slice(0, 10)}`,
          },
        ],
      },
    ];
    if (escalation.signals.length > 0)
      blocks.push({ type: 'text', text: `Why: ${escalation.signals.join('; ')}` });
    if (view.passingOnly)
      blocks.push({
        type: 'notice',
        level: 'info',
        text: `The window only names ${view.topic} in passing: no development on it.`,
      });
    for (const item of view.summary)
      blocks.push({ type: 'text', text: item.text, citations: item.citations });
    if (written.note) blocks.push({ type: 'notice', level: 'info', text: written.note });
    if (view.developments.length > 0) {
      const newStories = view.developments.filter((item) => item.new).length;
      blocks.push(
        {
          type: 'heading',
          text:
            newStories > 0
              ? `Developments (${newStories} new since the last briefing)`
              : 'Developments',
        },
        {
          type: 'list',
          items: view.developments.map((item) => ({
            text: `${item.date.slice(0, 10)}${item.severity === null ? '' : ` severity ${item.severity}/5`}: ${item.text}`,
            citations: item.citations,
            ...(item.new ? { marker: 'NEW' } : {}),
          })),
        },
      );
    }
    if (view.actors.length > 0) {
      blocks.push(
        { type: 'heading', text: 'Key actors' },
        {
          type: 'list',
          items: view.actors.map((actor) => ({
            text: `${actor.name}${actor.role ? `, ${actor.role}` : ''} (${plural(actor.mentions, 'story', 'stories')})`,
          })),
        },
      );
    }
    for (const quote of view.quotes) {
      blocks.push({
        type: 'quote',
        text: quote.text,
        speaker: quote.speaker,
        citation: quote.citation,
      });
    }
    // A window that names the topic only in passing, with no quote on it, cites nothing.
    if (view.sources.length > 0) blocks.push({ type: 'sources', items: view.sources });
    // The briefing cites its best sources; the full list of the topic's coverage pages on.
    const actions = [{ label: 'All sources', commandLine: `/sources "${view.topic}"` }];
    return {
      reply: { blocks, actions, level: escalation.level, asOf: view.window.to },
      data: view,
    };
  },
});
