import { channelOf } from '../src/alerts/channel-of.ts';
import { parseSeverity, SEVERITY_CHOICES, severityLabel } from '../src/alerts/severity.ts';
import { createSubscriptions } from '../src/alerts/subscriptions.ts';
import { closestTopics, resolveTopic } from '../src/corpus/topics.ts';
import { defineCommand } from '../src/core/command.ts';
import { ErrorId, UserError } from '../src/core/errors.ts';

/** Without a severity a subscription hears of armed clashes and worse. */
export const DEFAULT_MIN_LEVEL = 4;

/**
 * Text platforms put every unmatched word in the topic (`/subscribe kosovo 3 daily` gives the
 * topic "kosovo 3 daily"), so when the whole phrase is no topic, trailing severity and digest
 * words are taken off it and used as those options.
 */
function splitTopic(args: { topic: string; severity?: string; digest?: 'off' | 'daily' }) {
  if (resolveTopic(args.topic).known) return args;
  const words = args.topic.split(/\s+/);
  let { severity, digest } = args;
  while (words.length > 1) {
    const last = words.at(-1)!.toLowerCase();
    if (digest === undefined && (last === 'daily' || last === 'off')) digest = last;
    else if (severity === undefined && parseSeverity(last) !== null) severity = last;
    else break;
    words.pop();
  }
  return {
    topic: words.join(' '),
    ...(severity === undefined ? {} : { severity }),
    ...(digest === undefined ? {} : { digest }),
  };
}

export default defineCommand({
  name: 'subscribe',
  description: 'Alert this channel when a topic escalates: /subscribe kosovo 3 digest:daily',
  permission: 'manager',
  guildOnly: true,
  // `digest` is listed before `severity` so that `/subscribe kosovo 3` reads 3 as the severity.
  options: {
    topic: {
      type: 'string',
      description: 'Topic, e.g. kosovo',
      required: true,
      maxLength: 100,
      autocomplete: 'topic',
    },
    digest: {
      type: 'choice',
      description: 'Also post a daily briefing when there is new coverage (off or daily)',
      choices: ['off', 'daily'],
    },
    severity: {
      type: 'choice',
      description: 'Lowest level to alert: 1-5 or tension, posture, coercion, clash, deadly',
      choices: SEVERITY_CHOICES,
    },
  },
  run(given, { services, invocation }) {
    const args = splitTopic(given);
    const topic = resolveTopic(args.topic);
    if (!topic.known) {
      const suggestions = closestTopics(args.topic);
      throw new UserError(
        ErrorId.UnknownTopic,
        `Alerts follow known topics only, and "${args.topic}" is not one. Did you mean ${suggestions.join(', ')}?`,
        { suggestions },
      );
    }
    const minLevel =
      args.severity === undefined ? DEFAULT_MIN_LEVEL : parseSeverity(args.severity)!;
    const digest = args.digest ?? 'off';
    const channel = channelOf(invocation);
    const subscriptions = createSubscriptions(services.store.db);
    const created = subscriptions.upsert({
      ...channel,
      topic: topic.key,
      minLevel,
      digest,
      created: services.clock.now().toISOString(),
    });
    // Subscribing from inside a forum topic or thread sends the channel's alerts there.
    subscriptions.setThread(channel, invocation.channel.threadId ?? null);
    const snoozed = subscriptions.channel(channel).snoozedUntil;
    const now = services.clock.now().toISOString();
    const text =
      `${created ? 'Subscribed' : 'Updated'}: this channel gets an alert when a ${topic.label} ` +
      `story reaches level ${severityLabel(minLevel)} or higher, and follow-ups on it` +
      (digest === 'daily' ? ', plus a daily briefing when there is new coverage.' : '.');
    const blocks = [{ type: 'notice' as const, level: 'info' as const, text }];
    if (snoozed && snoozed > now) {
      blocks.push({
        type: 'notice',
        level: 'info',
        text: `Alerts are snoozed here until ${snoozed.slice(0, 16).replace('T', ' ')} UTC (/alerts resume).`,
      });
    }
    return {
      reply: { blocks },
      data: { topic: topic.key, minLevel, digest, created },
    };
  },
});
