import type { AnyCommand } from '../src/core/command.ts';
import briefing from './briefing.ts';
import help from './help.ts';
import sources from './sources.ts';
import timeline from './timeline.ts';
import who from './who.ts';

/** Every command, in the order /help lists them. Platforms register exactly these. */
export const commands: readonly AnyCommand[] = [briefing, timeline, who, sources, help];
