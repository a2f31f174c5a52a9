import type { Database } from 'better-sqlite3';
import { createPeopleDirectory, type PeopleDirectory } from '../analysis/people/directory.ts';
import type { Store } from '../corpus/store/store.ts';

const directories = new WeakMap<Database, PeopleDirectory>();

/**
 * The one people directory of a store, shared by `/who` and briefings: its statements are
 * prepared once, and the names it resolved stay resolved until the corpus grows.
 */
export function directoryOf(store: Store): PeopleDirectory {
  let directory = directories.get(store.db);
  if (!directory) {
    directory = createPeopleDirectory(store.db, () => store.version());
    directories.set(store.db, directory);
  }
  return directory;
}
