import { resolveTopic } from '../corpus/topics.ts';
import type { Store } from '../corpus/store/store.ts';
import type { OptionSpecs } from '../core/command.ts';
import { ErrorId, UserError } from '../core/errors.ts';
import { strayWordsError } from '../core/stray-words.ts';

/**
 * Runs a topic command's view builder. When it finds no coverage of a phrase such as
 * "kosovo abc" whose first words do have coverage, the error names the option the other
 * words were meant for (`strayWordsError`: "days takes a whole number...") instead of
 * reporting that "kosovo abc" has no coverage.
 */
export function withStrayTopicWords<T>(
  store: Store,
  command: { options: OptionSpecs },
  args: Readonly<Record<string, unknown>>,
  build: () => T,
): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof UserError) || error.id !== ErrorId.NoCoverage) throw error;
    const covered = (words: string) => store.newestMatching(resolveTopic(words)) !== null;
    throw strayWordsError(command, 'topic', args, covered) ?? error;
  }
}
