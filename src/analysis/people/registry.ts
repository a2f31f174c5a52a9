import type { Database } from 'better-sqlite3';
import type { Analysis, Quote } from '../analysis.ts';
import type { Article } from '../../corpus/article.ts';
import { foldedWords } from '../folded-words.ts';
import { beforeGluedTitles } from '../glued-titles.ts';
import { isVerbLike, MALE_HONORIFICS } from '../lexicon.ts';
import { officeKinds, overlaps, roleKey, roleSpelling } from './roles.ts';
import { statementTopics } from './statement-topics.ts';
import {
  ARTICLE_PREFIX,
  diacritics,
  displayName,
  isAllCaps,
  nameKey,
  nameWords,
  sameFullName,
} from './names.ts';

/** Words that open a surname of two words as well as being names of their own ("Ben-Gvir"). */
const SURNAME_OPENERS = new Set([
  'ben',
  'bin',
  'abu',
  'abd',
  'abdel',
  'abdul',
  'al',
  'el',
  'van',
  'de',
]);
import {
  createRecapIndex,
  FULL,
  wordsOfStatement,
  type SaidSpan,
  type StatementWords,
} from './recaps.ts';

/** Honorifics written before a surname that make an alias ("Mr. Kirby", "Adm. Kirby"). */
const HONORIFIC_BEFORE =
  /(?:^|[\s(“"])((?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Amb|President|Minister|Ambassador|General|Admiral|Senator)\.?)\s+$/;
/** A form of address before a name; `MALE_HONORIFICS` tells whether it names a man. */
const ADDRESS_BEFORE = /(?:^|[\s(“"])(Mr|Mrs|Ms|Miss|Sir|Lady|Lord|Dame)\.?\s+$/;
const MAX_STATEMENT_CHARS = 1500;
/** Fewer words, left before glued link titles, say nothing ("race"). */
const MIN_CUT_WORDS = 3;
const otherGender = { male: 'female', female: 'male' } as const;
/** Surname-only people kept apart (`contested`) before the memory of them starts over. */
const MAX_CONTESTED = 10_000;
/** Times a surname alone must have held an office for only that office to tie it to a name. */
const ESTABLISHED_OFFICE = 3;
/** How many times more often one namesake must hold an office to be "President Biden". */
const HOLDER_DOMINANCE = 5;
/** How much of a statement's folded text tells two copies apart. */
const STATEMENT_KEY_CHARS = 300;

interface Statement {
  speaker: string | null;
  kind: Quote['kind'];
  text: string;
  cue: string | null;
  start: number;
  when: Quote['when'];
  onRecord: boolean;
}

/** The longest stretch between a verb and its content that is shown with it. */
const MAX_SETTING_CHARS = 120;
/** Words that open reported content and read lower-case after its verb. */
const LEADING_FUNCTION_WORDS = new Set(
  'the a an it its this that these those there some many most several both all any no their his her our'.split(
    ' ',
  ),
);

/**
 * The content as it reads after its verb, with the words between them ("told reporters in
 * Pristina that ..."). Content placed before its verb ("The United States
 * has ended ..., Hovenier said") opens with a capital; shown as "said The United States ..." the
 * capital would mark the splice, so a leading function word is lower-cased.
 */
function asReported(body: string, quote: Quote): string {
  const text = quote.content.text;
  if (quote.kind === 'direct' || !quote.cue) return text;
  if (quote.cue.end <= quote.content.start) {
    // "told reporters in Pristina that ...": what stands between verb and content stays.
    const between = body.slice(quote.cue.end, quote.content.start);
    return between.length <= MAX_SETTING_CHARS && /\p{L}/u.test(between) && !/[.!?\n]/.test(between)
      ? body.slice(quote.cue.end, quote.content.end).trim()
      : text;
  }
  if (quote.cue.start < quote.content.end) return text;
  const first = /^\p{Lu}\p{Ll}*/u.exec(text)?.[0];
  return first && LEADING_FUNCTION_WORDS.has(first.toLowerCase())
    ? first.toLowerCase() + text.slice(first.length)
    : text;
}

const inside = (inner: { start: number; end: number }, outer: { start: number; end: number }) =>
  inner.start >= outer.start && inner.end <= outer.end;

/**
 * One statement per clause group: the analysis splits "said X and urged Y" into two quotes (as
 * attribution corpora do), but a reader wants the sentence, so reported clauses of one speaker
 * that follow each other within a sentence are joined with the words between them.
 */
function joinClauses(body: string, quotes: readonly Quote[]): Statement[] {
  const statements: Statement[] = [];
  let previous: (Statement & { end: number }) | null = null;
  for (const quote of quotes) {
    // What only the cue model found is an attribution in the broad sense (a plan, a decision,
    // "fired missiles"), not a statement.
    if (quote.learned) continue;
    const gap = previous ? body.slice(previous.end, quote.content.start) : '';
    if (
      previous &&
      quote.speaker === previous.speaker &&
      quote.kind !== 'direct' &&
      previous.kind !== 'direct' &&
      gap.length <= 40 &&
      !/[.!?\n]/.test(gap) &&
      !/[.!?]["”’'»)\s]*$/.test(body.slice(previous.start, previous.end))
    ) {
      previous.text += body.slice(previous.end, quote.content.end);
      previous.end = quote.content.end;
      if (quote.kind === 'mixed') previous.kind = 'mixed';
      previous.when ??= quote.when;
      continue;
    }
    previous = {
      speaker: quote.speaker,
      kind: quote.kind,
      text: asReported(body, quote),
      // A cue inside its content (`"...," he said, Israel ...`) is read with it.
      cue: quote.cue && !inside(quote.cue, quote.content) ? quote.cue.text : null,
      start: quote.content.start,
      end: quote.content.end,
      when: quote.when,
      onRecord: quote.onRecord === true,
    };
    statements.push(previous);
  }
  return statements;
}

/** How many more times another spelling must be written than the shown one to replace it. */
const RENAME_LEAD = 2;

export interface PersonRow {
  id: number;
  name: string;
  key: string;
  surname: string;
  words: number;
  mentions: number;
  statements: number;
  first_seen: string;
  last_seen: string;
}

interface PersonInArticle {
  canonical: string;
  mentions: number;
  aliases: Map<string, string>;
  /** Each form of address its mentions carry, as written before its last name ("Lady Starmer"). */
  addresses: Map<Gender, string>;
}

type Gender = 'male' | 'female';

/**
 * How a surname alone was addressed in one article, when every address agrees on a man or a
 * woman: "Lady Starmer" does not join Keir Starmer.
 */
export interface Address {
  gender: Gender;
  /** The surname with its address, the name such a person is stored under. */
  display: string;
}

/**
 * Writes one article's people into the registry. A full name is its own person; a surname
 * alone joins the one full name that corpus knows with that surname, and stays separate
 * (offered as a candidate) when two people share it. A surname seen before its full name is
 * folded into the full name when that arrives.
 */
export function createPeopleWriter(db: Database) {
  const byKey = db.prepare<[string], PersonRow>('SELECT * FROM people WHERE key = ?');
  const bareWithOffice = db.prepare<[string], PersonRow>(
    'SELECT * FROM people WHERE key = ? AND EXISTS (SELECT 1 FROM person_roles WHERE person_id = people.id)',
  );
  const fullNamesWithSurname = db.prepare<[string], PersonRow>(
    'SELECT * FROM people WHERE surname = ? AND words > 1',
  );
  const insertPerson = db.prepare<[string, string, string, number, string, string]>(
    `INSERT INTO people (name, key, surname, words, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const rename = db.prepare<[string, number]>('UPDATE people SET name = ? WHERE id = ?');
  const touch = db.prepare<{ id: number; mentions: number; statements: number; seen: string }>(
    `UPDATE people SET mentions = mentions + @mentions, statements = statements + @statements,
       first_seen = min(first_seen, @seen), last_seen = max(last_seen, @seen) WHERE id = @id`,
  );
  const addAlias = db.prepare<{ alias: string; id: number; display: string; count: number }>(
    `INSERT INTO person_aliases (alias, person_id, display, count) VALUES (@alias, @id, @display, @count)
     ON CONFLICT (alias, person_id) DO UPDATE SET count = count + excluded.count`,
  );
  // Of two spellings of one role the longer is kept, and at equal length the one with capitals
  // ("US President" over "US president"), whichever came first.
  const addRole = db.prepare<{
    id: number;
    key: string;
    role: string;
    count: number;
    seen: string;
  }>(
    `INSERT INTO person_roles (person_id, role_key, role, count, first_seen, last_seen)
     VALUES (@id, @key, @role, @count, @seen, @seen)
     ON CONFLICT (person_id, role_key) DO UPDATE SET count = count + excluded.count,
       first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen),
       role = CASE WHEN length(excluded.role) > length(role)
         OR (length(excluded.role) = length(role) AND excluded.role < role)
         THEN excluded.role ELSE role END`,
  );
  // A syndicated copy repeats a statement word for word: it is stored once, under its first outlet.
  const addStatement = db.prepare<
    [number, string, string, string, string, string, string, string | null, number, string, string]
  >(
    `INSERT OR IGNORE INTO statements
       (person_id, article_id, published, kind, text, text_key, topics, cue, start, said, said_end)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const recaps = createRecapIndex(db);
  const aliasesOf = db.prepare<[number], { alias: string; display: string; count: number }>(
    'SELECT alias, display, count FROM person_aliases WHERE person_id = ?',
  );
  const rolesOf = db.prepare<
    [number],
    { role_key: string; role: string; count: number; first_seen: string; last_seen: string }
  >('SELECT role_key, role, count, first_seen, last_seen FROM person_roles WHERE person_id = ?');
  // A statement both already hold stays once: the surname's copy is dropped with the surname.
  const moveStatements = db.prepare<[number, number]>(
    'UPDATE OR IGNORE statements SET person_id = ? WHERE person_id = ?',
  );
  const dropStatements = db.prepare<[number]>('DELETE FROM statements WHERE person_id = ?');
  const deletePerson = db.prepare<[number]>('DELETE FROM people WHERE id = ?');
  const articleStored = db.prepare<[string], number>('SELECT 1 FROM articles WHERE id = ?').pluck();
  /**
   * The article written last. When its row is gone, its write rolled back (its savepoint, or
   * its batch's transaction, which the ingester then writes again): SQLite may give the ids of
   * the statements it added again, so what the recap index remembers of statements must go.
   */
  let lastWritten: string | null = null;
  /**
   * Surname-only people that a namesake's office keeps from joining a full name, with the full
   * names' ids. Offices only accrue, so each pair stays apart and need not be asked about again
   * at every mention of the full name (three queries or more each time).
   */
  const contested = new Map<number, Set<number>>();

  /**
   * @param roles the role keys the article gives this name: "President Biden" is the Biden who
   *   holds that office when the corpus knows several people called Biden.
   * @param aliases the keys of the names the article calls this person by ("biden").
   */
  function ensurePerson(
    written: string,
    seen: string,
    roles: ReadonlySet<string>,
    aliases: ReadonlySet<string>,
    address: Address | null,
  ): number {
    const canonical = displayName(written);
    const key = nameKey(canonical);
    let words = nameWords(canonical);
    // "Mr Ben Gvir" where the corpus knows "Itamar Ben-Gvir": a surname of two words written
    // without its hyphen, not the given name Ben and a surname. "Al Thani" is the surname
    // "thani" of "Mohammed bin Abdulrahman al-Thani".
    if (words.length === 2 && SURNAME_OPENERS.has(words[0]!)) {
      const joined = words.join(' ').replace(ARTICLE_PREFIX, '');
      if (fullNamesWithSurname.all(joined).length > 0) words = [joined];
    }
    const surname = words.at(-1)!;
    if (words.length === 1) {
      const named = fullNamesWithSurname.all(surname);
      const full = address
        ? named.filter((row) => genderOf(row) !== otherGender[address.gender])
        : named;
      if (address && named.length > 0 && full.length === 0) return addressed(address, seen);
      // Beside the only full name, a surname of its own is one the full name did not absorb
      // (`absorbSurname`): it stays apart unless this mention names an office the full name holds.
      if (
        full.length === 1 &&
        (named.length > 1 || !byKey.get(key) || holds(full[0]!.id, officeKinds(roles)))
      )
        return full[0]!.id;
      const holders = full
        .map((row) => ({
          id: row.id,
          count: rolesOf
            .all(row.id)
            .filter((role) => roles.has(role.role_key))
            .reduce((sum, role) => sum + role.count, 0),
        }))
        .filter((holder) => holder.count > 0)
        .sort((a, b) => b.count - a.count);
      // One holder, or one who holds the office far more often than a namesake the text
      // credited with it once or twice.
      const [first, second] = holders;
      if (first && (!second || first.count >= HOLDER_DOMINANCE * second.count)) return first.id;
    }
    const existing = byKey.get(key) ?? sameNameWrittenOtherwise(words, surname);
    if (existing) {
      const better =
        (isAllCaps(existing.name) && !isAllCaps(canonical)) ||
        diacritics(canonical) > diacritics(existing.name) ||
        (words.length > 1 &&
          !isAllCaps(canonical) &&
          diacritics(canonical) >= diacritics(existing.name) &&
          moreUsedThanShown(existing, key));
      if (better) rename.run(canonical, existing.id);
      if (words.length > 1 && (roles.size > 0 || aliases.has(surname)))
        absorbSurname(existing.id, surname, roles, aliases, false);
      return existing.id;
    }
    const id = Number(
      insertPerson.run(canonical, key, surname, words.length, seen, seen).lastInsertRowid,
    );
    if (words.length > 1) absorbSurname(id, surname, roles, aliases, true);
    return id;
  }

  /**
   * Whether another full spelling of a person, met once more now, has been written more often
   * than the one shown, by `RENAME_LEAD` or more (so that two spellings met in turn do not take
   * the name from each other at every mention): the name first met is shown until then, and a
   * transcript's "Bibi Netanyahu" had named him on `wh`, where releases write "Benjamin
   * Netanyahu" more. Asked only of a spelling that is not the shown one, which is rare, so the
   * aliases are read then.
   */
  function moreUsedThanShown(person: PersonRow, key: string): boolean {
    const shown = nameKey(person.name);
    if (key === shown) return false;
    let mine = 0;
    let theirs = 0;
    for (const alias of aliasesOf.all(person.id)) {
      if (alias.alias === key) mine = alias.count;
      else if (alias.alias === shown) theirs = alias.count;
    }
    return mine + 1 >= theirs + RENAME_LEAD;
  }

  /** Whether the person has been seen holding an office of one of these kinds (`officeKinds`). */
  function holds(id: number, kinds: ReadonlySet<string>): boolean {
    return overlaps(kinds, officeKinds(rolesOf.all(id).map((role) => role.role_key)));
  }

  /**
   * A full name's gender, from the forms of address its aliases carry ("Mr Starmer"); null
   * when they carry none or both. Not from the given name: the lexicon lists "Emile" and "Jody"
   * as women's names, and "Amit" as a man's.
   */
  function genderOf(person: PersonRow): Gender | null {
    const seen = new Set<Gender>();
    for (const { display } of aliasesOf.all(person.id)) {
      const address = /^(Mrs?|Ms)\s/.exec(display)?.[1];
      if (address) seen.add(address === 'Mr' ? 'male' : 'female');
    }
    return seen.size === 1 ? [...seen][0]! : null;
  }

  /**
   * A surname whose address rules out every full name that carries it ("Lady Starmer" when
   * the corpus knows only Keir Starmer): a person of its own, stored under the address so that
   * the surname alone still finds the full name.
   */
  function addressed(address: Address, seen: string): number {
    const key = nameKey(address.display);
    const existing = byKey.get(key);
    if (existing) return existing.id;
    return Number(insertPerson.run(address.display, key, key, 1, seen, seen).lastInsertRowid);
  }

  /**
   * One person under another spelling of the full name: a familiar form ("Bibi Netanyahu",
   * "Tony Blinken"), a first name one letter apart ("Anthony Blinken"), or with and without a
   * middle name or initial ("Antony J. Blinken"). Surnames must agree exactly.
   */
  function sameNameWrittenOtherwise(words: string[], surname: string): PersonRow | undefined {
    if (words.length < 2) return undefined;
    // The spelling first met (the key) as well as the one shown, which a more used one replaces.
    return fullNamesWithSurname
      .all(surname)
      .find(
        (row) =>
          sameFullName(nameWords(row.name), words) || sameFullName(nameWords(row.key), words),
      );
  }

  /**
   * Folds the surname-only person into a full name. A surname alone that has held no office
   * joins the only full name that carries it. One that has held an office waits for an article
   * that ties it to one full name, by calling that name by the surname alone (`aliases`; only
   * while the office was seen fewer than `ESTABLISHED_OFFICE` times) or giving it an office of
   * the same kind (`roles`; "Hamas leader" and "Hamas's Gaza leader" are
   * both a leader), while no other full name of the surname holds such an office. On the White
   * House's transcripts, "President Obama" had become Michelle Obama, the first Obama named in
   * full ("Michelle Obama saying in an interview").
   */
  function absorbSurname(
    id: number,
    surname: string,
    roles: ReadonlySet<string>,
    aliases: ReadonlySet<string>,
    arrived: boolean,
  ): void {
    // A full name seen before met any surname-only person without an office as it arrived.
    const single = (arrived ? byKey : bareWithOffice).get(surname);
    if (!single || contested.get(single.id)?.has(id)) return;
    const held = rolesOf.all(single.id);
    const offices = officeKinds(held.map((office) => office.role_key));
    // An office the surname has been given again and again is someone's in the news: only the
    // same kind of office ties it to a full name, not one article calling that name by the
    // surname. "Speaker Johnson" (60 times on `wh`) had become Eddie Bernice Johnson, whose
    // obituary statement called her "Johnson".
    const established = held.some((office) => office.count >= ESTABLISHED_OFFICE);
    const tied = (aliases.has(single.key) && !established) || overlaps(offices, officeKinds(roles));
    if (offices.size > 0 && !tied) return;
    const named = fullNamesWithSurname.all(surname);
    if (offices.size === 0) {
      if (named.length !== 1) return;
    } else if (named.some((row) => row.id !== id && holds(row.id, offices))) {
      if (contested.size >= MAX_CONTESTED) contested.clear();
      contested.set(single.id, (contested.get(single.id) ?? new Set()).add(id));
      return;
    }
    for (const alias of aliasesOf.all(single.id))
      addAlias.run({ alias: alias.alias, id, display: alias.display, count: alias.count });
    for (const role of rolesOf.all(single.id)) {
      addRole.run({
        id,
        key: role.role_key,
        role: role.role,
        count: role.count,
        seen: role.first_seen,
      });
      addRole.run({ id, key: role.role_key, role: role.role, count: 0, seen: role.last_seen });
    }
    const moved = moveStatements.run(id, single.id).changes;
    dropStatements.run(single.id);
    recaps.forget();
    touch.run({
      id,
      mentions: single.mentions,
      statements: moved,
      seen: single.first_seen,
    });
    touch.run({ id, mentions: 0, statements: 0, seen: single.last_seen });
    deletePerson.run(single.id);
  }

  return function indexPeople(
    article: Article,
    { people: features }: { people: PeopleFeatures },
  ): void {
    if (lastWritten !== null && articleStored.get(lastWritten) === undefined) {
      recaps.forget();
      contested.clear();
    }
    lastWritten = article.id;
    const seen = article.published;
    const ids = new Map<string, number>();
    // Full names first (`peopleFeatures` sorts them so): a new full name absorbs (deletes) the
    // bare-surname person, so a bare surname resolved before it in the same article would keep
    // a deleted id.
    for (const person of features.people)
      ids.set(
        person.canonical,
        ensurePerson(
          person.canonical,
          seen,
          new Set(person.roleKeys),
          new Set(person.aliases.map(([alias]) => alias)),
          person.address,
        ),
      );
    const statementsOf = new Map<number, number>();
    const recapsHere = recaps.forArticle(article.id);
    for (const statement of features.statements) {
      const id = ids.get(statement.speaker);
      if (id === undefined) continue;
      const { text, textKey, span } = statement;
      // A syndicated copy or a recap of an earlier statement is one more source of it; a
      // transcript's turn is the occasion itself, so only a word-for-word copy of it is.
      const copy = recapsHere.copyOf(id, textKey);
      if (copy === FULL) continue;
      const earlier =
        copy ?? (statement.onRecord ? null : recapsHere.find(id, statement.words, span));
      if (earlier && earlier.article_id !== article.id) {
        recapsHere.join(earlier, {
          published: seen,
          span,
          text,
          textKey,
          cue: statement.cue,
          kind: statement.kind,
          start: statement.start,
          words: statement.words,
        });
        continue;
      }
      const added = addStatement.run(
        id,
        article.id,
        seen,
        statement.kind,
        text,
        textKey,
        statement.topics,
        statement.cue,
        statement.start,
        span.said,
        span.saidEnd,
      ).changes;
      statementsOf.set(id, (statementsOf.get(id) ?? 0) + added);
    }
    for (const role of features.roles) {
      const id = ids.get(role.name);
      if (id !== undefined)
        addRole.run({ id, key: role.key, role: roleSpelling(role.role), count: 1, seen });
    }
    for (const person of features.people) {
      const id = ids.get(person.canonical)!;
      for (const [alias, display] of person.aliases) addAlias.run({ alias, id, display, count: 1 });
      // Two of the article's spellings may be one person ("Al Thani" and the full name): its
      // new statements are counted with the first.
      touch.run({ id, mentions: person.mentions, statements: statementsOf.get(id) ?? 0, seen });
      statementsOf.delete(id);
    }
  };
}

/**
 * What the people writer reads from one article that follows from the article alone: its
 * people (full names first) with their mentions, spellings and role keys, its statements as
 * they are stored (joined clauses, keys, dates, topics, the words a recap is matched by) and
 * its roles. It is computed on the analysis thread beside the stored form, so the writing
 * thread only resolves names against the registry and writes.
 */
export interface PeopleFeatures {
  people: {
    canonical: string;
    mentions: number;
    aliases: [string, string][];
    roleKeys: string[];
    address: Address | null;
  }[];
  statements: {
    speaker: string;
    kind: Quote['kind'];
    text: string;
    textKey: string;
    cue: string | null;
    start: number;
    span: SaidSpan;
    onRecord: boolean;
    topics: string;
    words: StatementWords;
  }[];
  roles: { name: string; key: string; role: string }[];
}

/** Verbs of telling: what follows may be only whom ("told the BBC"). */
const TELLING_CUE = /^(?:told|tells|tell|telling)$/;
/** Verbs of saying: what follows may be only where or when ("said in a statement"). */
const SAYING_CUE =
  /^(?:said|says|say|saying|stated|states|reported|reports|added|adds|wrote|writes)$/;
/**
 * Verbs of perceiving and knowing, which report a thought only with a clause after them
 * ("found that the sites were used"); with an object alone they report no statement: "found
 * her boy", "saw a need", "showed me around", "know no borders".
 */
const PERCEIVING_CUE =
  /^(?:see|sees|saw|seen|seeing|find|finds|found|finding|show|shows|showed|shown|showing|know|knows|knew|known|knowing|feel|feels|felt|feeling|think|thinks|thought|thinking|worry|worries|worried|worrying|wonder|wonders|wondered|wondering)$/;
/** Words that show a clause follows, so the text is more than a setting. */
const CLAUSE_MARK = new Set(['that', 'he', 'she', 'they', 'it', 'we', 'i', 'who']);
/**
 * Words in -ing that are prepositions here, not verbs: "told the BBC regarding the latest
 * attack" says to whom and about what, but not what.
 */
const PREPOSITIONS_IN_ING = new Set([
  'regarding',
  'concerning',
  'following',
  'including',
  'according',
  'excluding',
  'pending',
]);
/** A preposition that opens where or when something was said. */
const OPENS_WITH_SETTING = /^(?:in|on|at|from|during|after|before|since|via|through|for)\s/i;

/**
 * A report that opens with an auxiliary has lost its subject to a relative clause or a misread
 * cue: "a figure which Israel says is not final", "a deal that Mr Biden said would last six
 * weeks", "Ceasefire talks are going on". Shown under `/who` it reads "said is not final".
 */
const NO_SUBJECT =
  /^(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|shall|does|do|did)\s/;

/**
 * A reported statement that holds no verb and only says to whom ("told the Kosovo Online
 * portal"), where and when ("said in a statement", "reported from Ramallah and London"), or
 * what someone saw or found ("found her boy"):
 * the analysis keeps such a quote, since the quotes after it take its speaker, but it tells
 * a reader of `/who` nothing that was said. Nor does one with no subject (NO_SUBJECT).
 */
function saysNothing(statement: Statement, text: string): boolean {
  if (statement.kind === 'direct') return false;
  if (NO_SUBJECT.test(text)) return true;
  if (/["“”]/.test(text)) return false;
  const cue = statement.cue?.toLowerCase() ?? '';
  const verb = cue.split(' ').at(-1) ?? '';
  if (
    !TELLING_CUE.test(cue) &&
    !(SAYING_CUE.test(cue) && OPENS_WITH_SETTING.test(text)) &&
    !PERCEIVING_CUE.test(verb)
  )
    return false;
  // "told the podcast he feared for ...": a clause, whose verb the lexicon may not know.
  const words = nameKey(text).split(' ');
  return !words.some(
    (word) => CLAUSE_MARK.has(word) || (isVerbLike(word) && !PREPOSITIONS_IN_ING.has(word)),
  );
}

/** A surname's agreed form of address in the article (`Address`); null for a full name. */
function addressOf(person: PersonInArticle): Address | null {
  if (/\s/.test(person.canonical) || person.addresses.size !== 1) return null;
  const [gender, display] = [...person.addresses][0]!;
  return { gender, display };
}

export function peopleFeatures(
  article: Pick<Article, 'body' | 'published'>,
  analysis: Analysis,
  /** The article's known topics (`topicsOfArticle`), found once for storing it. */
  topics: readonly string[],
): PeopleFeatures {
  const people = new Map<string, PersonInArticle>();
  for (const entity of analysis.entities) {
    if (entity.type !== 'PERSON') continue;
    const person = people.get(entity.canonical) ?? {
      canonical: entity.canonical,
      mentions: 0,
      aliases: new Map(),
      addresses: new Map(),
    };
    person.mentions++;
    person.aliases.set(nameKey(entity.text), displayName(entity.text));
    const before = article.body.slice(Math.max(0, entity.start - 16), entity.start);
    const address = ADDRESS_BEFORE.exec(before)?.[1];
    if (address)
      person.addresses.set(
        MALE_HONORIFICS.has(address.toLowerCase()) ? 'male' : 'female',
        `${address} ${entity.text.split(' ').at(-1)}`,
      );
    const honorific = HONORIFIC_BEFORE.exec(before);
    if (honorific) {
      const display = `${honorific[1]} ${entity.text.split(' ').at(-1)}`;
      person.aliases.set(nameKey(display), display);
    }
    people.set(entity.canonical, person);
  }
  // A statement's issuer is named by its title, not its body.
  const issuer = analysis.issuer;
  if (issuer && !people.has(issuer.name))
    people.set(issuer.name, {
      canonical: issuer.name,
      mentions: 1,
      aliases: new Map([[nameKey(issuer.name), displayName(issuer.name)]]),
      addresses: new Map(),
    });
  const roleMentions: { name: string; role: string }[] = [
    ...(issuer?.role ? [{ name: issuer.name, role: issuer.role }] : []),
    ...(analysis.people ?? []),
  ];
  const seen = article.published;
  const rolesByName = new Map<string, Set<string>>();
  for (const role of roleMentions)
    rolesByName.set(role.name, (rolesByName.get(role.name) ?? new Set()).add(roleKey(role.role)));
  const byLength = [...people.values()].sort(
    (a, b) => b.canonical.split(' ').length - a.canonical.split(' ').length,
  );
  const topicsOf = statementTopics(article.body, topics);
  const statements: PeopleFeatures['statements'] = [];
  for (const statement of joinClauses(article.body, analysis.quotes)) {
    if (statement.speaker === null || !people.has(statement.speaker)) continue;
    const shown = beforeGluedTitles(statement.text);
    if (shown !== statement.text && shown.split(/\s+/).length < MIN_CUT_WORDS) continue;
    const text = shown.slice(0, MAX_STATEMENT_CHARS);
    if (saysNothing(statement, text)) continue;
    const folded = foldedWords(text);
    statements.push({
      speaker: statement.speaker,
      kind: statement.kind,
      text,
      textKey: folded.join(' ').slice(0, STATEMENT_KEY_CHARS),
      cue: statement.cue,
      start: statement.start,
      span: statement.when
        ? { said: statement.when.start, saidEnd: statement.when.end, dated: true }
        : { said: seen.slice(0, 10), saidEnd: seen.slice(0, 10), dated: false },
      onRecord: statement.onRecord,
      topics: topicsOf(statement),
      // The words of cue and text, as `statementWords` of the two joined by a space gives them.
      words: wordsOfStatement(statement.cue ? [...foldedWords(statement.cue), ...folded] : folded),
    });
  }
  const roles: PeopleFeatures['roles'] = [];
  for (const role of roleMentions) {
    if (!people.has(role.name)) continue;
    const clean = role.role
      .replace(/\s+/g, ' ')
      .replace(/^(the|a|an)\s+/i, '')
      .trim();
    const key = roleKey(clean);
    if (key) roles.push({ name: role.name, key, role: clean });
  }
  return {
    people: byLength.map((person) => ({
      canonical: person.canonical,
      mentions: person.mentions,
      aliases: [...person.aliases],
      roleKeys: [...(rolesByName.get(person.canonical) ?? [])],
      address: addressOf(person),
    })),
    statements,
    roles,
  };
}
