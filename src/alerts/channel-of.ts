import type { Invocation } from '../core/invocation.ts';
import type { ChannelKey } from './subscriptions.ts';

/** The channel an invocation came from, as subscriptions and the outbox key it. */
export function channelOf(invocation: Invocation): ChannelKey {
  return { platform: invocation.platform, channelId: invocation.channel.id };
}
