import type { SourceGroup } from './syndication.ts';

export interface Actor {
  name: string;
  role: string | null;
  mentions: number;
}

const MAX_ACTORS = 6;

/**
 * The people the window's coverage names most: `mentions` is the number of stories that name
 * them (a syndicated copy is not a second story).
 *
 * Integration point: entities come from the who helper's analysis (`Analysis.entities`); roles
 * come from its people registry and stay null until that registry is connected here. With no
 * entity analysis the list is empty (unknown), never guessed.
 */
export function actorsFor(groups: readonly SourceGroup[]): Actor[] {
  const mentions = new Map<string, number>();
  for (const group of groups) {
    const people = new Set(
      (group.items[0]!.analysis?.entities ?? [])
        .filter((entity) => entity.type === 'PERSON')
        .map((entity) => entity.canonical),
    );
    for (const name of people) mentions.set(name, (mentions.get(name) ?? 0) + 1);
  }
  return [...mentions]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_ACTORS)
    .map(([name, count]) => ({ name, role: null, mentions: count }));
}
