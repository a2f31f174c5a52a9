import type { NameReader } from '../analysis/people/directory.ts';
import type { SourceGroup } from './syndication.ts';
import { headNamesTopic } from './topic-focus.ts';

export interface Actor {
  name: string;
  role: string | null;
  mentions: number;
}

const MAX_ACTORS = 6;

interface Known {
  key: string;
  name: string;
  /** Read from the person's card on first use: a briefing resolves a hundred names and shows six. */
  readonly role: string | null;
}

/**
 * The registry's person for a name an analysis gives ("Vucic" → "Aleksandar Vučić", with the
 * role the corpus gives them most often). A surname that several people share is resolved to
 * the one of them named beside it (`near`), else to no one: a wrong person is worse than none.
 * One registry look-up per distinct name: a briefing shares one lookup between its actors and its
 * quotes' speakers.
 */
export function createNameLookup(people: NameReader) {
  const cache = new Map<string, Known | { candidates: Known[] }>();
  const known = (id: number, name: string): Known => {
    let role: string | null | undefined;
    return {
      key: `person:${id}`,
      name,
      get role() {
        role ??= people.card(id)?.roles[0]?.role ?? null;
        return role;
      },
    };
  };
  return (name: string, near: ReadonlySet<string> = new Set()): Known | null => {
    let found = cache.get(name);
    if (!found) {
      const resolution = people.resolve(name);
      found =
        resolution.status === 'found'
          ? known(resolution.person.id, resolution.person.name)
          : resolution.status === 'ambiguous'
            ? { candidates: resolution.candidates.map((row) => known(row.id, row.name)) }
            : { key: `name:${name}`, name, role: null };
      cache.set(name, found);
    }
    if (!('candidates' in found)) return found;
    const beside = found.candidates.filter((candidate) => near.has(candidate.key));
    return beside.length === 1 ? beside[0]! : null;
  };
}

export type NameLookup = ReturnType<typeof createNameLookup>;

/** The stretches of text a body is read in for whether a name is near the topic. */
const STRETCH_CHARS = 300;
/** Read past a stretch's end, so a term that crosses into the next stretch is seen. */
const STRETCH_OVERLAP = 40;

/**
 * Whether the topic is named near a mention: in its 300-character stretch of the body or the
 * stretch either side (300 to 600 characters away). Each stretch is read once, when a mention
 * first asks about it: a transcript names a hundred people.
 */
function nearTopic(
  body: string,
  about: (text: string) => boolean,
): (mention: { start: number }) => boolean {
  const named = new Map<number, boolean>();
  const names = (stretch: number): boolean => {
    if (stretch < 0) return false;
    let found = named.get(stretch);
    if (found === undefined) {
      const start = stretch * STRETCH_CHARS;
      found = about(body.slice(start, start + STRETCH_CHARS + STRETCH_OVERLAP));
      named.set(stretch, found);
    }
    return found;
  };
  return ({ start }) => {
    const stretch = Math.floor(start / STRETCH_CHARS);
    return names(stretch) || names(stretch - 1) || names(stretch + 1);
  };
}

/**
 * The people the window's coverage names most: `mentions` is the number of stories that name
 * them (a syndicated copy is not a second story); between as many stories, the one named more
 * often comes first (the speaker of a transcript before a reporter it names once). Names go through the people registry, so
 * "Vucic" and "Vučić" count as one person under the registry's full name. Without entity
 * analysis the list is empty, never guessed. A report whose title and lead do not name the
 * topic (`about`: a press briefing's transcript, which touches on twenty subjects) counts only
 * the people it names near the topic (`nearTopic`). A statement's issuer (`Analysis.issuer`)
 * counts for a statement whose title or lead names the topic.
 */
export function actorsFor(
  groups: readonly SourceGroup[],
  lookUp: NameLookup,
  about: (text: string) => boolean = () => true,
): Actor[] {
  const tally = new Map<string, { known: Known; mentions: number }>();
  const weight = new Map<string, number>();
  for (const group of groups) {
    const { article, analysis } = group.items[0]!;
    const focused = headNamesTopic(article, about);
    const onTopic = focused ? () => true : nearTopic(article.body, about);
    const names = new Map<string, number>();
    for (const entity of analysis?.entities ?? [])
      if (entity.type === 'PERSON' && onTopic(entity))
        names.set(entity.canonical, (names.get(entity.canonical) ?? 0) + 1);
    // A statement's issuer, whom its title names and its body does not, is one of its people.
    const issuer = analysis?.issuer?.name;
    if (issuer && focused) names.set(issuer, (names.get(issuer) ?? 0) + 1);
    const named = new Map<string, Known>();
    const later: string[] = [];
    const count = (key: string, name: string) =>
      weight.set(key, (weight.get(key) ?? 0) + names.get(name)!);
    for (const name of names.keys()) {
      const found = lookUp(name);
      if (!found) later.push(name);
      else {
        named.set(found.key, found);
        count(found.key, name);
      }
    }
    const near = new Set(named.keys());
    for (const name of later) {
      const found = lookUp(name, near);
      if (found) {
        named.set(found.key, found);
        count(found.key, name);
      }
    }
    for (const [key, known] of named) {
      const seen = tally.get(key) ?? { known, mentions: 0 };
      seen.mentions++;
      tally.set(key, seen);
    }
  }
  const named = ({ known }: { known: Known }) => weight.get(known.key) ?? 0;
  return [...tally.values()]
    .sort(
      (a, b) =>
        b.mentions - a.mentions || named(b) - named(a) || a.known.name.localeCompare(b.known.name),
    )
    .slice(0, MAX_ACTORS)
    .map(({ known, mentions }) => ({ name: known.name, role: known.role, mentions }));
}
