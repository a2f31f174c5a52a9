import type { AnyCommand } from '../src/core/command.ts';
import briefing from './briefing.ts';
import help from './help.ts';
import sources from './sources.ts';
import alerts from './alerts.ts';
import status from './status.ts';
import subscribe from './subscribe.ts';
import subscriptions from './subscriptions.ts';
import timeline from './timeline.ts';
import unsubscribe from './unsubscribe.ts';
import who from './who.ts';

/** Every command, in the order /help lists them. Platforms register exactly these. */
export const commands: readonly AnyCommand[] = [
  briefing,
  timeline,
  who,
  sources,
  subscribe,
  unsubscribe,
  subscriptions,
  alerts,
  status,
  help,
];
