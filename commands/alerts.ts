import { channelOf } from '../src/alerts/channel-of.ts';
import { MAX_SNOOZE_MS, parseDuration } from '../src/alerts/duration.ts';
import { createSubscriptions } from '../src/alerts/subscriptions.ts';
import { defineCommand } from '../src/core/command.ts';
import { ErrorId, UserError } from '../src/core/errors.ts';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const notice = (text: string) => ({
  blocks: [{ type: 'notice' as const, level: 'info' as const, text }],
});

export default defineCommand({
  name: 'alerts',
  description: 'Snooze or resume alerts here, or set the digest time zone: /alerts snooze 6h',
  details:
    "Pauses this channel's alerts for a while with snooze (at most 7 days; escalations meanwhile are not sent later), ends the pause with resume, or sets the time zone that daily digests follow with zone.",
  permission: 'manager',
  guildOnly: true,
  writes: true,
  options: {
    action: {
      type: 'choice',
      description: 'snooze, resume, or zone',
      choices: ['snooze', 'resume', 'zone'],
      required: true,
    },
    value: {
      type: 'string',
      description: 'For snooze a duration (30m, 6h, 2d); for zone a time zone (Europe/Belgrade)',
      maxLength: 64,
    },
  },
  run(args, { services, invocation }) {
    const subscriptions = createSubscriptions(services.store.db);
    const channel = channelOf(invocation);
    const now = services.clock.now();
    switch (args.action) {
      case 'snooze': {
        const ms = args.value === undefined ? null : parseDuration(args.value);
        if (ms === null)
          throw new UserError(
            ErrorId.BadOption,
            'Say how long, e.g. /alerts snooze 6h (m, h or d).',
          );
        if (ms > MAX_SNOOZE_MS)
          throw new UserError(ErrorId.OutOfRange, 'Alerts can be snoozed for at most 7 days.');
        const until = new Date(now.getTime() + ms).toISOString();
        subscriptions.snooze(channel, until);
        return {
          reply: notice(
            `Alerts snoozed until ${until.slice(0, 16).replace('T', ' ')} UTC. Stories that escalate meanwhile are not sent later; /alerts resume ends the snooze.`,
          ),
          data: { snoozedUntil: until },
        };
      }
      case 'resume':
        subscriptions.snooze(channel, null);
        return { reply: notice('Alerts resumed in this channel.'), data: { snoozedUntil: null } };
      case 'zone': {
        const zone = args.value?.trim();
        if (!zone || !isTimeZone(zone)) {
          throw new UserError(
            ErrorId.BadOption,
            'Give a time zone name such as Europe/Belgrade or UTC.',
          );
        }
        subscriptions.setTimeZone(channel, zone);
        return {
          reply: notice(`Daily digests here now follow ${zone} time.`),
          data: { timeZone: zone },
        };
      }
    }
  },
});
