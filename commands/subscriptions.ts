import { channelOf } from '../src/alerts/channel-of.ts';
import { severityLabel } from '../src/alerts/severity.ts';
import { createSubscriptions } from '../src/alerts/subscriptions.ts';
import { knownTopics } from '../src/corpus/topics.ts';
import { defineCommand } from '../src/core/command.ts';
import type { Block } from '../src/core/reply.ts';

export default defineCommand({
  name: 'subscriptions',
  description: "This channel's alert subscriptions, snooze and delivery state",
  details:
    'The topics this channel follows with their severity and digest, and whether alerts here are snoozed or paused after failed deliveries.',
  options: {},
  run(_args, { services, invocation }) {
    const subscriptions = createSubscriptions(services.store.db);
    const channel = channelOf(invocation);
    const list = subscriptions.list(channel);
    const state = subscriptions.channel(channel);
    const labels = new Map(knownTopics().map((topic) => [topic.key, topic.label]));
    const now = services.clock.now().toISOString();
    const snoozed = state.snoozedUntil && state.snoozedUntil > now ? state.snoozedUntil : null;
    const blocks: Block[] = [{ type: 'heading', text: 'Alert subscriptions' }];
    if (list.length === 0) {
      blocks.push({
        type: 'notice',
        level: 'info',
        text: 'This channel has no subscriptions. A manager can add one: /subscribe kosovo 3',
      });
    } else {
      blocks.push({
        type: 'list',
        items: list.map((subscription) => ({
          text: `${labels.get(subscription.topic) ?? subscription.topic}: level ${severityLabel(subscription.minLevel)} or higher${subscription.digest === 'daily' ? ', daily digest' : ''}`,
        })),
      });
    }
    if (snoozed) {
      blocks.push({
        type: 'notice',
        level: 'info',
        text: `Snoozed until ${snoozed.slice(0, 16).replace('T', ' ')} UTC.`,
      });
    }
    if (state.pausedReason) {
      blocks.push({
        type: 'notice',
        level: 'warning',
        text: `Alerts are paused: delivery kept failing (${state.pausedReason}). Fix the bot's access, then /subscribe again.`,
      });
    }
    if (state.timeZone) {
      blocks.push({ type: 'notice', level: 'info', text: `Digest time zone: ${state.timeZone}.` });
    }
    return {
      reply: { blocks },
      data: {
        subscriptions: list.map(({ topic, minLevel, digest }) => ({ topic, minLevel, digest })),
        snoozedUntil: snoozed,
        paused: state.pausedReason,
        timeZone: state.timeZone,
      },
    };
  },
});
