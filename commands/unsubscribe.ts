import { channelOf } from '../src/alerts/channel-of.ts';
import { createSubscriptions } from '../src/alerts/subscriptions.ts';
import { resolveTopic } from '../src/corpus/topics.ts';
import { defineCommand } from '../src/core/command.ts';
import { ErrorId, UserError } from '../src/core/errors.ts';
import { plural } from '../src/core/plural.ts';

export default defineCommand({
  name: 'unsubscribe',
  description: 'Stop alerts on a topic in this channel, or on everything with "all"',
  details: "Ends this channel's alerts on one topic, or on every topic with all.",
  permission: 'manager',
  guildOnly: true,
  writes: true,
  options: {
    topic: {
      type: 'string',
      description: 'Topic, or all',
      required: true,
      maxLength: 100,
      autocomplete: 'topic',
    },
  },
  run(args, { services, invocation }) {
    const subscriptions = createSubscriptions(services.store.db);
    const channel = channelOf(invocation);
    if (args.topic.toLowerCase() === 'all') {
      const removed = subscriptions.removeAll(channel);
      if (removed === 0)
        throw new UserError(ErrorId.NotSubscribed, 'This channel has no subscriptions.');
      return {
        reply: {
          blocks: [
            {
              type: 'notice',
              level: 'info',
              text:
                removed === 1
                  ? 'Removed the one subscription of this channel.'
                  : `Removed all ${plural(removed, 'subscription')} of this channel.`,
            },
          ],
        },
        data: { removed, topics: 'all' },
      };
    }
    const topic = resolveTopic(args.topic);
    if (!subscriptions.remove(channel, topic.key)) {
      throw new UserError(
        ErrorId.NotSubscribed,
        `This channel is not subscribed to ${topic.label}. /subscriptions lists what it follows.`,
      );
    }
    return {
      reply: {
        blocks: [
          { type: 'notice', level: 'info', text: `No more ${topic.label} alerts in this channel.` },
        ],
      },
      data: { removed: 1, topics: [topic.key] },
    };
  },
});
