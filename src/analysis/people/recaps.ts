import type { Database } from 'better-sqlite3';
import { foldedWords } from '../folded-words.ts';

/**
 * A later article often recaps what someone said days before ("Last week Kirby called on
 * Belgrade to withdraw those forces"). Stored as new, the same call would appear once per
 * article that repeats it; this finds the statement a recap repeats, so that the recap joins it
 * as one more source.
 */

/** Days either side of a statement's own span in which an earlier report of it may fall. */
const SLACK_DAYS = 1;
/** An undated statement may repeat one made up to this many days before its article. */
const UNDATED_LOOKBACK_DAYS = 2;
/**
 * Share of the shorter statement's words the other must hold, and how many at least: a
 * statement of one or two content words ("I'm not going to give —") is too short to be
 * recognised in another.
 */
const MIN_OVERLAP = 0.6;
const MIN_SHARED_WORDS = 3;
/** Candidates read per statement: a person's statements in a few days rarely reach this. */
const MAX_CANDIDATES = 300;
/** The longest span a statement's time words give ("in May"): bounds the candidates' scan. */
const MAX_SPAN_DAYS = 31;
/**
 * Later reports recorded per statement. A wire story carried by hundreds of outlets made `/who`
 * cite every one of them (a megabyte for one page of statements), and recording each copy cost
 * the writer one page. Past this many, a copy is recognised and dropped: the article stays in
 * the corpus, and a better recap still takes the statement's place (`join`).
 */
export const MAX_LATER_REPORTS = 8;
/** What `copyOf` gives for a statement that records no more reports. */
export const FULL = 'full';
/** Statements whose words are kept between finds: a busy person's recent ones, compared again and again. */
const WORDS_CACHE = 20_000;
/** Ids of statements known to be full (`MAX_LATER_REPORTS`) kept at once: under 2 MB. */
const FULL_CACHE = 100_000;
const DAY_MS = 86_400_000;

/**
 * A 53-bit hash of a person's statement key, two 32-bit multiplicative hashes with different
 * multipliers, mixed at the end. `copyOf` keeps these for statements known to be full and drops
 * a copy on a match without reading the statements index: a much-syndicated statement is met in
 * every copy of its story, and each copy cost a query. Two different keys of one person meet
 * on it about once in 10^11 lookups with 100,000 kept.
 */
function copyHash(personId: number, textKey: string): number {
  let a = 0x811c9dc5 ^ personId;
  let b = 0x9747b28c ^ personId;
  for (let i = 0; i < textKey.length; i++) {
    const code = textKey.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  a = Math.imul(a ^ (a >>> 15), 0x85ebca6b) ^ Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b = Math.imul(b ^ (b >>> 16), 0x85ebca6b) ^ Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  return (b & 0x1fffff) * 0x100000000 + (a >>> 0);
}

const FUNCTION_WORDS = new Set(
  (
    'the a an and or but of to in on at for from with by as that this these those it its is are ' +
    'was were be been being has have had do does did will would can could should may might must ' +
    'not no he she they we i you his her their our them him us there which who what whether if ' +
    'than then also so such about into over after before more most very said says say told'
  ).split(' '),
);

/**
 * Content words of a statement, crudely stemmed so that "calling on" meets "called on", and
 * its numbers, kept apart: "stay for 2 more weeks" and "for 3 more weeks" are two statements.
 */
export function statementWords(text: string): StatementWords {
  return wordsOfStatement(foldedWords(text));
}

/**
 * `statementWords` of a text already folded (`foldedWords`): the people features fold each
 * statement once for its key and its words. A word is stemmed by its longest ending of "ing",
 * "ed", "es" and "s".
 */
export function wordsOfStatement(folded: readonly string[]): StatementWords {
  const words = new Set<string>();
  const numbers = new Set<string>();
  for (const word of folded) {
    const first = word.charCodeAt(0);
    if (first >= 48 && first <= 57) numbers.add(word);
    else if (word.length >= 3 && !FUNCTION_WORDS.has(word)) words.add(stemmed(word).slice(0, 7));
  }
  return { words, numbers };
}

const stemmed = (word: string): string =>
  word.endsWith('ing')
    ? word.slice(0, -3)
    : word.endsWith('ed') || word.endsWith('es')
      ? word.slice(0, -2)
      : word.endsWith('s')
        ? word.slice(0, -1)
        : word;

/** A statement's content words and numbers (`statementWords`). */
export interface StatementWords {
  words: Set<string>;
  numbers: Set<string>;
}
type Words = StatementWords;

/** True when two statements say the same thing in (mostly) the same words and figures. */
export function sameStatement(a: Words, b: Words): boolean {
  if (a.numbers.size > 0 && b.numbers.size > 0 && ![...a.numbers].some((n) => b.numbers.has(n)))
    return false;
  const [small, large] = a.words.size <= b.words.size ? [a.words, b.words] : [b.words, a.words];
  if (small.size === 0) return false;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared >= MIN_SHARED_WORDS && shared / small.size >= MIN_OVERLAP;
}

const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export interface SaidSpan {
  /** Inclusive ISO days. */
  said: string;
  saidEnd: string;
  /** False when the text gave no time, so the span is the publication day. */
  dated: boolean;
}

/** A later article's report of a statement, as `join` records it. */
interface Report {
  articleId: string;
  published: string;
  span: SaidSpan;
  text: string;
  textKey: string;
  cue: string | null;
  kind: string;
  start: number;
  /** `statementWords` of its cue and text. */
  words: Words;
}

interface Candidate {
  id: number;
  article_id: string;
  published: string;
  said: string;
  said_end: string;
  text: string;
  cue: string | null;
}

/**
 * Finds and records repeats. `find` returns the earlier statement of the same person, from
 * another article, in a compatible span and with the same words; `join` records the new
 * article as its source, and makes the new report the statement shown when it is the better
 * one (its time is narrower, or it was published first).
 */
export function createRecapIndex(db: Database) {
  // Ids only, from the index (`statements_person_span` holds `said_end`): a busy person has
  // hundreds of statements in the window, and reading each one's row and text cost more than
  // the rest of storing an article. The few whose words are not cached are read by id.
  const nearby = db
    .prepare<[number, string, string, string, number, number], number>(
      `SELECT id FROM statements INDEXED BY statements_person_span
       WHERE person_id = ? AND said <= ? AND said >= ? AND said_end >= ?
       ORDER BY said DESC, id LIMIT ? OFFSET ?`,
    )
    .pluck();
  const byId = db.prepare<[number], Candidate>(
    'SELECT id, article_id, published, said, said_end, text, cue FROM statements WHERE id = ?',
  );
  const sourceTexts = db.prepare<[number], { text: string }>(
    'SELECT text FROM statement_sources WHERE statement_id = ?',
  );
  // Counts up to the cap only: a statement stored before it may have thousands of reports.
  const reportsOf = db
    .prepare<[number], number>(
      `SELECT count(*) FROM (SELECT 1 FROM statement_sources WHERE statement_id = ? LIMIT ${MAX_LATER_REPORTS})`,
    )
    .pluck();
  const addSource = db.prepare<[number, string, string]>(
    'INSERT OR IGNORE INTO statement_sources (statement_id, article_id, text) VALUES (?, ?, ?)',
  );
  const copyId = db
    .prepare<[number, string], number>(
      'SELECT id FROM statements WHERE person_id = ? AND text_key = ?',
    )
    .pluck();
  const promote = db.prepare<
    [string, string, string, string, string, string, string | null, string, number, number]
  >(
    `UPDATE OR IGNORE statements SET article_id = ?, published = ?, said = ?, said_end = ?,
       text = ?, text_key = ?, cue = ?, kind = ?, start = ? WHERE id = ?`,
  );

  /**
   * Words of a statement and of each report of it, by id, with its article. An entry is dropped
   * when its statement's text changes (`join` promoting a report) and all are when statements
   * are deleted (`forget`), whose ids SQLite may give again.
   */
  const cache = new Map<number, { articleId: string; words: Words[] }>();
  function wordsOf(id: number): { articleId: string; words: Words[] } | null {
    const cached = cache.get(id);
    if (cached) return cached;
    const row = byId.get(id);
    if (!row) return null;
    if (cache.size >= WORDS_CACHE) cache.clear();
    const entry = {
      articleId: row.article_id,
      words: [
        statementWords(`${row.cue ?? ''} ${row.text}`),
        ...sourceTexts.all(id).map((source) => statementWords(source.text)),
      ],
    };
    cache.set(id, entry);
    return entry;
  }

  /**
   * Statements known to hold `MAX_LATER_REPORTS` reports: a much-copied one is met again and
   * again, and counting its reports each time cost more than the rest of a copy's lookup.
   * Cleared with `cache` (`forget`), since SQLite may give a deleted statement's id again.
   */
  const full = new Set<number>();
  /** `copyHash` of the person and key of statements in `full`, as `copyOf` met them. */
  const fullCopies = new Set<number>();

  /** `words`: `statementWords` of the statement's cue and text, read with them. */
  function find(
    personId: number,
    articleId: string,
    words: Words,
    span: SaidSpan,
    windows: Map<string, number[]>,
  ): Candidate | null {
    const from = shift(span.said, span.dated ? -SLACK_DAYS : -UNDATED_LOOKBACK_DAYS);
    const to = shift(span.saidEnd, SLACK_DAYS);
    const earliest = shift(from, -MAX_SPAN_DAYS);
    // A person's statements in one article mostly share their window (undated ones all do):
    // its ids are read once per article. The rows written since are the article's own (or were
    // promoted into it), which are skipped anyway. Only a window that fits one read is kept, so
    // a kept list is the whole window.
    const key = `${personId} ${to} ${earliest} ${from}`;
    // The article's own statements are not candidates: they are skipped, not counted.
    let considered = 0;
    for (let offset = 0; ; offset += MAX_CANDIDATES) {
      let ids = offset === 0 ? windows.get(key) : undefined;
      if (!ids) {
        ids = nearby.all(personId, to, earliest, from, MAX_CANDIDATES, offset);
        if (offset === 0 && ids.length < MAX_CANDIDATES) windows.set(key, ids);
      }
      for (const id of ids) {
        const entry = wordsOf(id);
        if (!entry || entry.articleId === articleId) continue;
        if (entry.words.some((other) => sameStatement(words, other))) return byId.get(id) ?? null;
        if (++considered === MAX_CANDIDATES) return null;
      }
      if (ids.length < MAX_CANDIDATES) return null;
    }
  }

  /**
   * The statement already stored word for word (a syndicated copy), if any, or `FULL` when it
   * records `MAX_LATER_REPORTS` already: a much-copied statement is met again and again, and
   * its row is not read for a copy that changes nothing. (Such a copy with a narrower date
   * does not take the statement's place either.)
   */
  function copyOf(personId: number, textKey: string): Candidate | typeof FULL | null {
    const hash = copyHash(personId, textKey);
    if (fullCopies.has(hash)) return FULL;
    const id = copyId.get(personId, textKey);
    if (id === undefined) return null;
    if (!full.has(id)) return byId.get(id) ?? null;
    if (fullCopies.size >= FULL_CACHE) fullCopies.clear();
    fullCopies.add(hash);
    return FULL;
  }

  /**
   * Records `report` as one more source of `existing`, or as its shown report when it is the
   * better one. `sourced`: the statements the report's article is already a source of, whose
   * source row stays the first report's, so it is not tried again.
   */
  function join(existing: Candidate, report: Report, sourced: Set<number>): void {
    // Most spans are one day: parsing dates for each of a much-copied article's reports showed.
    const width = (said: string, end: string) =>
      said === end ? 0 : Date.parse(end) - Date.parse(said);
    const mine = width(report.span.said, report.span.saidEnd);
    const theirs = width(existing.said, existing.said_end);
    const better = mine < theirs || (mine === theirs && report.published < existing.published);
    if (!better) {
      if (sourced.has(existing.id)) return;
      sourced.add(existing.id);
      if (full.has(existing.id)) return;
      // A cached statement holds its own words and each report's: one more than its reports.
      const cached = cache.get(existing.id);
      const reports = cached ? cached.words.length - 1 : reportsOf.get(existing.id)!;
      if (reports >= MAX_LATER_REPORTS) {
        if (full.size >= FULL_CACHE) full.clear();
        full.add(existing.id);
        return;
      }
      // The statement has one more report: its words join the cached ones. An article already
      // among its sources keeps the report stored first, and so does the cache.
      const text = `${report.cue ?? ''} ${report.text}`;
      if (addSource.run(existing.id, report.articleId, text).changes > 0)
        cache.get(existing.id)?.words.push(report.words);
      return;
    }
    // Its text and article change: its words are read again when next needed.
    cache.delete(existing.id);
    addSource.run(existing.id, existing.article_id, `${existing.cue ?? ''} ${existing.text}`);
    promote.run(
      report.articleId,
      report.published,
      report.span.said,
      report.span.saidEnd,
      report.text,
      report.textKey,
      report.cue,
      report.kind,
      report.start,
      existing.id,
    );
  }

  return {
    /**
     * The index as one article's writing uses it. What it keeps of the article (the windows it
     * read, the statements it became a source of) lives as long as this view, one call of the
     * people writer: an article whose write is rolled back and tried again starts afresh.
     */
    forArticle(articleId: string) {
      const windows = new Map<string, number[]>();
      const sourced = new Set<number>();
      return {
        find: (personId: number, words: Words, span: SaidSpan) =>
          find(personId, articleId, words, span, windows),
        copyOf,
        join: (existing: Candidate, report: Omit<Report, 'articleId'>) =>
          join(existing, { ...report, articleId }, sourced),
      };
    },
    /** Forgets every cached statement: call when statements are deleted. */
    forget: () => {
      cache.clear();
      full.clear();
      fullCopies.clear();
    },
  };
}
