import { channelOf } from '../src/alerts/channel-of.ts';
import { parseSeverity, SEVERITY_CHOICES, severityLabel } from '../src/alerts/severity.ts';
import { createSubscriptions } from '../src/alerts/subscriptions.ts';
import { closestTopics, resolveTopic } from '../src/corpus/topics.ts';
import { defineCommand } from '../src/core/command.ts';
import { ErrorId, UserError } from '../src/core/errors.ts';
import { strayWordsError } from '../src/core/stray-words.ts';

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

const options = {
  topic: {
    type: 'string',
    description: 'Topic, e.g. kosovo',
    required: true,
    maxLength: 100,
    autocomplete: 'topic',
  },
  severity: {
    type: 'choice',
    description: `Lowest level to alert: 1-5 or tension, posture, coercion, clash, deadly (default ${DEFAULT_MIN_LEVEL})`,
    choices: SEVERITY_CHOICES,
  },
  digest: {
    type: 'choice',
    description: 'off, or daily for a briefing each day there is new coverage (default off)',
    choices: ['off', 'daily'],
  },
} as const;

export default defineCommand({
  name: 'subscribe',
  description: 'Alert this channel when a topic escalates: /subscribe kosovo 3 digest:daily',
  details:
    'Posts an alert here, once per event, when a story on the topic reaches the severity (1 tension, 2 posture, 3 coercion, 4 clash, 5 deadly) and a second report or outlet confirms it (ten or more dead need no confirmation), then follow-ups only when the event changes; with digest:daily also a briefing each day there is new coverage. Subscribing again changes the settings.',
  permission: 'manager',
  guildOnly: true,
  writes: true,
  options,
  run(given, { services, invocation }) {
    const args = splitTopic(given);
    const topic = resolveTopic(args.topic);
    if (!topic.known) {
      // "kosovo 6": a known topic followed by a word no option takes.
      const stray = strayWordsError(
        { options },
        'topic',
        given,
        (words) => resolveTopic(words).known,
      );
      if (stray) throw stray;
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
