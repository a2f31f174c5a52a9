import type { PeopleDirectory } from '../analysis/people/directory.ts';
import type { SourceGroup } from './syndication.ts';

export interface Actor {
  name: string;
  role: string | null;
  mentions: number;
}

const MAX_ACTORS = 6;

/**
 * The people the window's coverage names most: `mentions` is the number of stories that name
 * them (a syndicated copy is not a second story). Names go through the people registry, so
 * "Vucic" and "Vučić" count as one person under the registry's full name, with the role the
 * corpus gives them most often. Without entity analysis the list is empty, never guessed.
 */
export function actorsFor(groups: readonly SourceGroup[], people: PeopleDirectory): Actor[] {
  const tally = new Map<string, Actor>();
  // One registry look-up per distinct name, however many stories repeat it.
  const lookups = new Map<string, { key: string; name: string; role: string | null }>();
  const lookUp = (name: string) => {
    let known = lookups.get(name);
    if (!known) {
      const found = people.resolve(name);
      known =
        found.status === 'found'
          ? {
              key: `person:${found.person.id}`,
              name: found.person.name,
              role: people.card(found.person.id)?.roles[0]?.role ?? null,
            }
          : { key: `name:${name}`, name, role: null };
      lookups.set(name, known);
    }
    return known;
  };
  for (const group of groups) {
    const named = new Map<string, { name: string; role: string | null }>();
    for (const entity of group.items[0]!.analysis?.entities ?? []) {
      if (entity.type !== 'PERSON') continue;
      const { key, name, role } = lookUp(entity.canonical);
      named.set(key, { name, role });
    }
    for (const [key, actor] of named) {
      const seen = tally.get(key) ?? { ...actor, mentions: 0 };
      seen.mentions++;
      tally.set(key, seen);
    }
  }
  return [...tally.values()]
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
    .slice(0, MAX_ACTORS);
}
