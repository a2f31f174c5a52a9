import type { Clock } from './clock.ts';
import type { AnyCommand, AutocompleteSource } from './command.ts';
import type { Store } from '../corpus/store/store.ts';
import type { Logger } from './logger.ts';
import type { BriefingWriter } from '../briefing/writer.ts';

/**
 * Everything a command may read. `main.ts` builds the one real instance; tests build their own
 * with an in-memory store and a fixed clock.
 */
export interface Services {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Every command, for `/help` and registration. */
  commands: readonly AnyCommand[];
  /** A language model that writes briefing summaries; absent means extractive only. */
  llm?: BriefingWriter;
  /** Autocomplete choices for a partly typed person or topic, when an index provides them. */
  suggest?: (source: AutocompleteSource, prefix: string) => { name: string; value: string }[];
}
