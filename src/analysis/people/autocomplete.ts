import type { Database } from 'better-sqlite3';
import type { AutocompleteSource } from '../../core/command.ts';
import { knownTopics } from '../../corpus/topics.ts';
import { withinEditDistance } from '../../corpus/topics.ts';
import { nameKey } from './names.ts';

/** One autocomplete choice: what the user sees and what the option receives. */
export interface Choice {
  name: string;
  value: string;
}

/** Discord's limit on autocomplete choices, and a sensible one for Telegram's suggestions. */
export const MAX_CHOICES = 25;
const CACHED_PREFIXES = 500;

interface Entry {
  name: string;
  value: string;
  /** The folded words a prefix may start: name words, alias words, topic terms. */
  words: string[];
  keys: string[];
  weight: number;
  /** Position in name order (locale collation), computed once: ties sort by it. */
  order: number;
}

export interface Suggestions {
  people(prefix: string): Choice[];
  topics(prefix: string): Choice[];
  /** Both in one: the shape of `Services['suggest']`. */
  suggest(source: AutocompleteSource, prefix: string): Choice[];
}

/**
 * Autocomplete over the people registry and the known topics. Only people with a statement are
 * offered: `/who` on a name only mentioned has nothing to show. On `wh`, 106 of the registry's
 * 1,220 names have one; the others are only mentioned, and among them are the headings,
 * programmes and places read as names ("Ticket Lottery", "Workforce Hubs"). Choices are ranked
 * by how the typed text matches (whole name prefix, then a word prefix, then a near miss of one
 * or two letters) and then by how often the person is quoted. The registry is read once per corpus
 * version and answers are cached per prefix, so a keystroke costs a map lookup.
 */
export function createSuggestions(db: Database, version: () => number): Suggestions {
  const peopleRows = db.prepare<[], { id: number; name: string; key: string; weight: number }>(
    'SELECT id, name, key, statements * 4 + mentions AS weight FROM people WHERE statements > 0',
  );
  const aliases = db.prepare<[], { person_id: number; alias: string }>(
    'SELECT person_id, alias FROM person_aliases',
  );
  let loadedAt = -1;
  let entries: Entry[] = [];
  const answers = new Map<string, Choice[]>();

  function load(): void {
    const current = version();
    if (current === loadedAt) return;
    const aliasKeys = new Map<number, string[]>();
    for (const row of aliases.all()) {
      const list = aliasKeys.get(row.person_id) ?? [];
      list.push(row.alias);
      aliasKeys.set(row.person_id, list);
    }
    entries = inNameOrder(
      peopleRows.all().map((row) => {
        const keys = [row.key, ...(aliasKeys.get(row.id) ?? [])];
        return {
          name: row.name,
          value: row.name,
          keys,
          words: keys.flatMap((key) => key.split(' ')),
          weight: row.weight,
          order: 0,
        };
      }),
    );
    answers.clear();
    loadedAt = current;
  }

  const topicEntries: Entry[] = inNameOrder(
    knownTopics().map((topic) => {
      const keys = [topic.key.replace(/-/g, ' '), ...topic.terms.map(nameKey)];
      return {
        name: topic.label,
        value: topic.key,
        keys,
        words: keys.flatMap((key) => key.split(' ')),
        weight: 0,
        order: 0,
      };
    }),
  );

  function people(prefix: string): Choice[] {
    load();
    const key = nameKey(prefix);
    const cached = answers.get(key);
    if (cached) return cached;
    const result = rank(entries, key);
    if (answers.size >= CACHED_PREFIXES) answers.clear();
    answers.set(key, result);
    return result;
  }
  const topics = (prefix: string): Choice[] => rank(topicEntries, nameKey(prefix));

  return {
    people,
    topics,
    suggest: (source, prefix) => (source === 'person' ? people(prefix) : topics(prefix)),
  };
}

/**
 * Numbers the entries in name order once per load, so ranking thousands of names on a keystroke
 * compares integers instead of calling `localeCompare` on every tie.
 */
function inNameOrder(entries: Entry[]): Entry[] {
  [...entries]
    .sort((a, b) => a.name.localeCompare(b.name))
    .forEach((entry, index) => (entry.order = index));
  return entries;
}

/** How the typed text matches an entry: 0 whole-name prefix, 1 word prefix, 2 inside a name. */
function closeScore(entry: Entry, key: string): number | null {
  if (key === '') return 3;
  if (entry.keys.some((candidate) => candidate.startsWith(key))) return 0;
  if (entry.words.some((word) => word.startsWith(key))) return 1;
  if (entry.keys.some((candidate) => candidate.includes(key))) return 2;
  return null;
}

/** A near miss of one letter (three to five typed) or two (six or more): score 3. */
function isNearMiss(entry: Entry, key: string): boolean {
  const tolerance = key.length >= 6 ? 2 : key.length >= 3 ? 1 : 0;
  return (
    tolerance > 0 &&
    entry.words.some((word) => withinEditDistance(key, word.slice(0, key.length), tolerance))
  );
}

function rank(entries: readonly Entry[], key: string): Choice[] {
  const scored: { entry: Entry; score: number }[] = [];
  const rest: Entry[] = [];
  for (const entry of entries) {
    const score = closeScore(entry, key);
    if (score === null) rest.push(entry);
    else scored.push({ entry, score });
  }
  // Near misses rank below every closer match, so with a full page of those they cannot show.
  if (scored.length < MAX_CHOICES)
    for (const entry of rest) if (isNearMiss(entry, key)) scored.push({ entry, score: 3 });
  return scored
    .sort(
      (a, b) =>
        a.score - b.score || b.entry.weight - a.entry.weight || a.entry.order - b.entry.order,
    )
    .slice(0, MAX_CHOICES)
    .map(({ entry }) => ({ name: entry.name.slice(0, 100), value: entry.value.slice(0, 100) }));
}
