import type { Database, Statement } from 'better-sqlite3';
import { editDistance } from '../../corpus/topics.ts';
import { nameKey, nameWords, sameFullName } from './names.ts';
import { MAX_LATER_REPORTS } from './recaps.ts';
import { officeKind, officeKinds, roleKey } from './roles.ts';
import type { PersonRow } from './registry.ts';

export interface PersonCard {
  id: number;
  name: string;
  aliases: string[];
  roles: { role: string; count: number; firstSeen: string; lastSeen: string }[];
  mentions: number;
  statements: number;
  firstSeen: string;
  lastSeen: string;
}

export interface StatementRow {
  id: number;
  kind: 'direct' | 'indirect' | 'mixed';
  text: string;
  cue: string | null;
  published: string;
  /** When it was said: inclusive ISO days. */
  said: string;
  said_end: string;
  article_id: string;
  title: string;
  outlet: string;
  url: string | null;
}

/** A later article that reported a statement again. */
export interface StatementSourceRow {
  statement_id: number;
  article_id: string;
  title: string;
  outlet: string;
  url: string | null;
  published: string;
}

export type Resolution =
  | {
      status: 'found';
      person: PersonRow;
      /** Surname-only rows that are this person ("President Biden"): their statements are theirs. */
      joined: PersonRow[];
      /** Namesakes passed over because this person is far better known ("Jill Biden"). */
      others: PersonRow[];
    }
  | { status: 'ambiguous'; candidates: PersonRow[] }
  | {
      status: 'unknown';
      /**
       * Known names spelt closest to the query, computed when first read: it compares the query
       * with every name in the registry, which `/who` needs for its suggestions and a briefing
       * resolving a hundred names does not.
       */
      readonly closest: string[];
    };

export interface StatementQuery {
  /** The person and the surname-only rows that resolution joined to them. */
  personIds: readonly number[];
  /** A known topic's key: the statement's article must be about it. */
  topic: string | null;
  /** For a topic sitrep does not know: an FTS5 MATCH expression its article must satisfy. */
  match: string | null;
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
}

/** The shortest name `spellingVariant` reads as another's spelling: "kirbi" stays unknown. */
const VARIANT_MIN_CHARS = 6;

/** Resolutions and cards kept at once, between two changes of the corpus. */
const MAX_REMEMBERED = 4096;

/**
 * Reads the people registry: name resolution (full name, alias, surname, then the closest
 * spellings), a person's card and their statements. Every read is one indexed query.
 *
 * @param version the corpus's version (`Store.version`), which every write of the registry
 *   moves. With it, resolutions and cards are kept until the corpus changes: briefings resolve
 *   the same hundred names again and again, three to five queries each.
 */
export function createPeopleDirectory(db: Database, version?: () => number) {
  const byKey = db.prepare<[string], PersonRow>('SELECT * FROM people WHERE key = ?');
  const byAlias = db.prepare<[string], PersonRow>(
    `SELECT p.* FROM person_aliases a JOIN people p ON p.id = a.person_id WHERE a.alias = ?
     ORDER BY p.statements DESC, p.mentions DESC`,
  );
  const bySurname = db.prepare<[string], PersonRow>(
    'SELECT * FROM people WHERE surname = ? ORDER BY statements DESC, mentions DESC',
  );
  const allNames = db.prepare<
    [],
    { name: string; key: string; statements: number; mentions: number }
  >('SELECT name, key, statements, mentions FROM people');
  const aliasesOf = db.prepare<[number], { display: string }>(
    'SELECT display FROM person_aliases WHERE person_id = ? ORDER BY count DESC, display',
  );
  const rolesOf = db.prepare<
    [number],
    { role: string; count: number; first_seen: string; last_seen: string }
  >(
    'SELECT role, count, first_seen, last_seen FROM person_roles WHERE person_id = ? ORDER BY count DESC, last_seen DESC',
  );
  const byId = db.prepare<[number], PersonRow>('SELECT * FROM people WHERE id = ?');
  const roleCounts = db.prepare<[number], { role_key: string; count: number }>(
    'SELECT role_key, count FROM person_roles WHERE person_id = ?',
  );
  const found = (person: PersonRow, joined: PersonRow[] = [], others: PersonRow[] = []) =>
    ({ status: 'found', person, joined, others }) as const;

  let keptAt: number | null = null;
  const resolutions = new Map<string, Resolution>();
  const cards = new Map<number, PersonCard | null>();
  /** Runs `read`, or gives what it gave before at the same corpus version. */
  function kept<K, V>(store: Map<K, V>, key: K, read: (key: K) => V, current = version?.()): V {
    if (current === undefined) return read(key);
    if (current !== keptAt) {
      resolutions.clear();
      cards.clear();
      keptAt = current;
    }
    if (store.has(key)) return store.get(key)!;
    const value = read(key);
    if (store.size >= MAX_REMEMBERED) store.clear();
    store.set(key, value);
    return value;
  }

  function resolveNow(query: string): Resolution {
    const key = nameKey(query);
    const exact = byKey.get(key);
    if (exact && exact.words > 1) return found(exact);
    const viaAlias = dedupe(byAlias.all(key));
    const words = nameWords(query);
    const viaSurname = dedupe(bySurname.all(words.at(-1) ?? ''));
    const full = (rows: PersonRow[]) => rows.filter((row) => row.words > 1);
    for (const rows of [viaAlias, words.length === 1 ? viaSurname : []]) {
      if (rows.length === 0) continue;
      const named = full(rows);
      // A bare surname asks about everyone of that surname, named in full or not.
      const circle = words.length === 1 ? dedupe([...rows, ...viaSurname]) : rows;
      const ranked = rank(
        full(circle),
        circle.filter((row) => row.words === 1),
        (id) => roleCounts.all(id),
      );
      // Only surname-only rows answer to the name: the full name that one of them joins.
      const leader =
        named.length === 1
          ? ranked.find((entry) => entry.row.id === named[0]!.id)
          : named.length === 0
            ? ranked.find((entry) => entry.joined.includes(rows[0]!))
            : dominant(ranked, named);
      const othersThan = (row: PersonRow) =>
        ranked.filter((entry) => entry.row !== row).map((entry) => entry.row);
      if (leader) return found(leader.row, leader.joined, othersThan(leader.row));
      if (named.length > 1) return { status: 'ambiguous', candidates: named };
      // A surname alone whom no full name is known to be ("President Obama" when the corpus
      // names Michelle and Barack Obama, neither with an office): the namesakes are offered.
      return found(rows[0]!, [], othersThan(rows[0]!));
    }
    if (exact) return found(exact);
    // "antony blinken" for the person shown as "Tony Blinken" or "Antony J. Blinken".
    const spelt = viaSurname.filter(
      (row) => words.length > 1 && sameFullName(nameWords(row.name), words),
    );
    if (spelt.length === 1) return found(spelt[0]!);
    const variant = spellingVariant(key, words.length === 1);
    if (variant) return resolveNow(variant);
    let suggestions: string[] | undefined;
    return {
      status: 'unknown',
      get closest() {
        suggestions ??= closest(key);
        return suggestions;
      },
    };
  }

  /**
   * "zelensky" for Volodymyr Zelenskyy, "gallant" for a "Gallent": transliterations and typing
   * differ by a letter. A name of six letters or more that is one edit from the surname (or,
   * asked in full, the full name) of exactly one known person, or of one among those with
   * statements, is asked as theirs; the card shows the spelling the corpus uses. Shorter
   * names, and two candidates, stay unknown and get the closest names instead.
   */
  function spellingVariant(key: string, surnameOnly: boolean): string | null {
    if (key.length < VARIANT_MIN_CHARS) return null;
    const named = new Set<string>();
    const quoted = new Set<string>();
    for (const row of allNames.all()) {
      const known = surnameOnly ? row.key.split(' ').at(-1)! : row.key;
      if (Math.abs(known.length - key.length) > 1 || editDistance(known, key) !== 1) continue;
      named.add(known);
      if (row.statements > 0) quoted.add(known);
    }
    for (const matches of [named, quoted]) if (matches.size === 1) return [...matches][0]!;
    return null;
  }

  function closest(key: string, limit = 5): string[] {
    const surname = key.split(' ').at(-1) ?? key;
    return allNames
      .all()
      .map((row) => {
        const rowSurname = row.key.split(' ').at(-1)!;
        const distance = Math.min(editDistance(key, row.key), editDistance(surname, rowSurname));
        return { row, distance };
      })
      .filter(({ distance }) => distance <= Math.max(2, Math.floor(surname.length / 3)))
      .sort((a, b) => a.distance - b.distance || b.row.statements - a.row.statements)
      .slice(0, limit)
      .map(({ row }) => row.name);
  }

  function cardNow(id: number): PersonCard | null {
    const row = byId.get(id);
    if (!row) return null;
    return {
      id,
      name: row.name,
      aliases: [...new Set(aliasesOf.all(id).map((alias) => alias.display))].filter(
        (alias) => alias !== row.name,
      ),
      roles: cardRoles(
        rolesOf.all(id).map((role) => ({
          role: role.role,
          count: role.count,
          firstSeen: role.first_seen,
          lastSeen: role.last_seen,
        })),
      ),
      mentions: row.mentions,
      statements: row.statements,
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
    };
  }

  /** One prepared statement per shape of query (how many people, which filters). */
  const statementQueries = new Map<
    string,
    Statement<[Record<string, string | number>], StatementRow>
  >();

  function statements(query: StatementQuery): StatementRow[] {
    const ids = query.personIds.map((_, index) => `@person${index}`);
    const where = [`s.person_id IN (${ids.join(', ')})`];
    const params: Record<string, string | number> = {
      ...Object.fromEntries(query.personIds.map((id, index) => [`person${index}`, id])),
      limit: query.limit,
      offset: query.offset,
    };
    if (query.from) {
      where.push('s.said_end >= @from');
      params['from'] = query.from.slice(0, 10);
    }
    if (query.to) {
      where.push('s.said <= @to');
      params['to'] = query.to.slice(0, 10);
    }
    if (query.topic) {
      where.push(`s.topics LIKE @topic ESCAPE '\\'`);
      params['topic'] = `% ${query.topic.replace(/[\\%_]/g, (char) => `\\${char}`)} %`;
    } else if (query.match) {
      // Checked per statement in index order, so a broad topic stops at the first page.
      where.push(
        'EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH @match AND rowid = a.seq)',
      );
      params['match'] = query.match;
    }
    const sql = `SELECT s.id, s.kind, s.text, s.cue, s.published, s.said, s.said_end, s.article_id,
           a.title, a.outlet, a.url
         FROM statements s JOIN articles a ON a.id = s.article_id
         WHERE ${where.join(' AND ')}
         ORDER BY s.said DESC, s.id LIMIT @limit OFFSET @offset`;
    let prepared = statementQueries.get(sql);
    if (!prepared) {
      prepared = db.prepare<[Record<string, string | number>], StatementRow>(sql);
      statementQueries.set(sql, prepared);
    }
    return prepared.all(params);
  }

  /** One prepared statement per count of statement ids asked about (a page's, at most). */
  const sourceQueries = new Map<number, Statement<number[], StatementSourceRow>>();

  /**
   * The later articles that reported each statement again (the first few), by statement id:
   * one query for a whole page of statements.
   */
  function alsoReported(ids: readonly number[]): Map<number, StatementSourceRow[]> {
    const found = new Map<number, StatementSourceRow[]>();
    if (ids.length === 0) return found;
    let prepared = sourceQueries.get(ids.length);
    if (!prepared) {
      prepared = db.prepare<number[], StatementSourceRow>(
        `SELECT ss.statement_id, a.id AS article_id, a.title, a.outlet, a.url, a.published
         FROM statement_sources ss JOIN articles a ON a.id = ss.article_id
         WHERE ss.statement_id IN (${ids.map(() => '?').join(', ')})
         ORDER BY ss.statement_id, a.published, a.id`,
      );
      sourceQueries.set(ids.length, prepared);
    }
    for (const row of prepared.all(...ids)) {
      const rows = found.get(row.statement_id) ?? [];
      // A database from before the cap may hold more reports of a statement than are shown.
      if (rows.length < MAX_LATER_REPORTS) rows.push(row);
      found.set(row.statement_id, rows);
    }
    return found;
  }

  /** Per number of people: their statements published by a moment, and the last of them. */
  const seenByQueries = new Map<number, Statement<(number | string)[], SeenBy>>();

  /**
   * How many statements of the people articles published by `moment` (ISO) carried, and when
   * the last of them was published: a card as of a moment before the corpus ends (`ask --now`)
   * counts only those.
   */
  function seenBy(ids: readonly number[], moment: string): SeenBy {
    let prepared = seenByQueries.get(ids.length);
    if (!prepared) {
      prepared = db.prepare<(number | string)[], SeenBy>(
        `SELECT count(*) AS statements, max(published) AS last FROM statements
         WHERE person_id IN (${ids.map(() => '?').join(', ')}) AND published <= ?`,
      );
      seenByQueries.set(ids.length, prepared);
    }
    return prepared.get(...ids, moment)!;
  }

  return {
    resolve: (query: string) => kept(resolutions, query, resolveNow),
    card: (id: number) => kept(cards, id, cardNow),
    /**
     * `resolve` and `card` for one command, which reads the corpus version once as it starts
     * instead of once per name: a briefing resolves a hundred.
     */
    forCommand(): NameReader {
      const current = version?.();
      return {
        resolve: (query) => kept(resolutions, query, resolveNow, current),
        card: (id) => kept(cards, id, cardNow, current),
      };
    },
    statements,
    alsoReported,
    seenBy,
    closest,
  };
}

/** A person's statements published up to a moment (`seenBy`). */
export interface SeenBy {
  statements: number;
  /** When the last of them was published; null when there is none. */
  last: string | null;
}

export type PeopleDirectory = ReturnType<typeof createPeopleDirectory>;

/** What reading names needs of the directory: a name's person, and a person's card. */
export interface NameReader {
  resolve(query: string): Resolution;
  card(id: number): PersonCard | null;
}

/** Words that make another office of the title they stand in: a vice president is not a president. */
const OTHER_OFFICE = new Set([
  'vice',
  'deputy',
  'assistant',
  'associate',
  'acting',
  'former',
  'ex',
  'under',
  'lieutenant',
  'first',
  'second',
]);

/**
 * Whether `short` names the office `full` names, in fewer words: its words come in `full` in
 * order and end with its last ("President" in "Serbian President", "National Security Advisor"
 * in "National Security Communications Advisor"), and no word it leaves out right before one
 * of its own makes that another office ("President" is not "Vice President"; an army chief's
 * "chief" is his "former army chief").
 */
function abbreviates(short: string[], full: string[]): boolean {
  if (short.length >= full.length || short.at(-1) !== full.at(-1)) return false;
  let at = 0;
  let skipped: string | undefined;
  for (const word of full) {
    if (at < short.length && word === short[at]) {
      if (skipped !== undefined && OTHER_OFFICE.has(skipped)) return false;
      at++;
      skipped = undefined;
    } else skipped = word;
  }
  return at === short.length;
}

/**
 * The roles a card lists, each office once. A one-word title counts for the person's fuller
 * role that ends with it ("President" for "Serbian President"); a role of more words counts for
 * a fuller one seen more often (a briefing headed "National Security Advisor John Kirby" for
 * his National Security Communications Advisor), since a fuller spelling seen once is as often
 * a misreading ("spokesman for the UN Secretary-General"). Never for another office ("Vice
 * President"); a misspelt role counts for the one spelt right. Most seen first, a military rank
 * after the offices.
 */
function cardRoles(roles: PersonCard['roles']): PersonCard['roles'] {
  const kept = roles.map((role) => ({ ...role }));
  const words = kept.map((role) => roleKey(role.role).split(' '));
  const folded = kept.filter((role, index) => {
    const oneWord = !/\s/.test(role.role.trim());
    // Of the roles it abbreviates, the one seen most (they come most seen first).
    const fuller = words.findIndex(
      (other, at) =>
        abbreviates(words[index]!, other) && (oneWord || roles[at]!.count > role.count),
    );
    if (fuller < 0) return true;
    countFor(kept[fuller]!, role);
    return false;
  });
  const distinct = withoutMisspellings(folded);
  // A rank says what a person is called, an office what they do: "Rear Admiral Daniel Hagari"
  // is named with his rank in every report, but is in the news as the army's spokesman.
  const offices = distinct.reduce((sum, role) => sum + (isRank(role.role) ? 0 : role.count), 0);
  const after = (role: PersonCard['roles'][number]) =>
    offices >= MIN_OFFICE_MENTIONS && isRank(role.role) ? 1 : 0;
  return distinct.sort(
    (a, b) => after(a) - after(b) || b.count - a.count || b.lastSeen.localeCompare(a.lastSeen),
  );
}

/** Counts a role's mentions, and the days it was seen, for another of the same person. */
function countFor(into: PersonCard['roles'][number], role: PersonCard['roles'][number]): void {
  into.count += role.count;
  if (role.firstSeen < into.firstSeen) into.firstSeen = role.firstSeen;
  if (role.lastSeen > into.lastSeen) into.lastSeen = role.lastSeen;
}

/** Roles this long that are at most this many edits apart are one role, once misspelt. */
const MISSPELT_MIN_CHARS = 15;
const MISSPELT_EDITS = 2;

/**
 * A long role one or two letters from another of the same person counts for the one seen more:
 * a transcript's "White House Nation Security Communications Advisor" is John Kirby's National
 * Security Communications Advisor, not a third office.
 */
function withoutMisspellings(roles: PersonCard['roles']): PersonCard['roles'] {
  const kept: { role: PersonCard['roles'][number]; key: string }[] = [];
  const byCount = [...roles].sort((a, b) => b.count - a.count);
  for (const role of byCount) {
    const key = roleKey(role.role);
    const twin =
      key.length >= MISSPELT_MIN_CHARS
        ? kept.find(
            (other) =>
              other.key.length >= MISSPELT_MIN_CHARS &&
              editDistance(other.key, key) <= MISSPELT_EDITS,
          )
        : undefined;
    if (!twin) {
      kept.push({ role, key });
      continue;
    }
    countFor(twin.role, role);
  }
  return kept.map((entry) => entry.role);
}

/** Mentions of offices a person must have for a military rank to be listed after them. */
const MIN_OFFICE_MENTIONS = 2;
const RANK =
  /^(?:(?:rear|vice|lieutenant|major|brigadier|staff|first|master|chief|command)\s+)*(?:admiral|general|colonel|major|captain|lieutenant|sergeant|commander|commodore|corporal|private)$/;

/** A military rank alone ("Admiral", "Lieutenant General"), with no office beside it. */
function isRank(role: string): boolean {
  return RANK.test(nameKey(role));
}

/** How much more a person must be quoted and named than the next namesake to be meant. */
const DOMINANCE = 5;

/** A person of a shared surname, with the surname-only rows that are them. */
interface Ranked {
  row: PersonRow;
  /** Statements count four times as much as mentions. */
  weight: number;
  joined: PersonRow[];
}

/**
 * The people named in full who share a surname, most quoted and named first. A surname-only
 * row ("President Biden" in a text that never gave the first name) counts for, and joins, the
 * full name that holds an office of its kind most often, or the only full name when none does
 * and there is one: the registry keeps "Leader Jeffries" apart from a "Hakeem Jeffries" no
 * article has tied him to, and a reader asking for Jeffries means Hakeem Jeffries.
 */
function rank(
  named: readonly PersonRow[],
  bare: readonly PersonRow[],
  rolesOf: (id: number) => { role_key: string; count: number }[],
): Ranked[] {
  const weight = (row: PersonRow) => row.statements * 4 + row.mentions;
  const ranked = new Map(
    named.map((row) => [row.id, { row, weight: weight(row), joined: [] as PersonRow[] }]),
  );
  const roles = new Map(named.map((row) => [row.id, rolesOf(row.id)]));
  for (const row of bare) {
    const kinds = officeKinds(rolesOf(row.id).map((role) => role.role_key));
    let holder: { id: number; count: number } | null = null;
    for (const [id, held] of roles) {
      const count = held
        .filter((role) => kinds.has(officeKind(role.role_key)))
        .reduce((sum, role) => sum + role.count, 0);
      if (count > 0 && (!holder || count > holder.count)) holder = { id, count };
    }
    // Not "Lady Starmer", stored under her address because no Starmer named in full is a woman.
    if (!holder && named.length === 1 && named[0]!.surname === row.surname)
      holder = { id: named[0]!.id, count: 0 };
    if (!holder) continue;
    const entry = ranked.get(holder.id)!;
    entry.weight += weight(row);
    entry.joined.push(row);
  }
  return [...ranked.values()].sort((a, b) => b.weight - a.weight);
}

/**
 * The one person of a shared surname whom the corpus quotes and names far more than the next
 * namesake ("Biden" is Joe Biden when Jill, James and Hallie Biden are named now and then): the
 * person a user typing the surname means, if `candidates` holds them.
 */
function dominant(ranked: readonly Ranked[], candidates: readonly PersonRow[]): Ranked | null {
  const [first, second] = ranked;
  if (!first || !second || !candidates.some((row) => row.id === first.row.id)) return null;
  return first.weight >= DOMINANCE * Math.max(1, second.weight) ? first : null;
}

function dedupe(rows: PersonRow[]): PersonRow[] {
  const seen = new Set<number>();
  return rows.filter((row) => !seen.has(row.id) && seen.add(row.id));
}
