import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { peopleMigrations } from '../../src/analysis/people/migrations.ts';
import {
  createRecapIndex,
  FULL,
  MAX_LATER_REPORTS,
  statementWords,
  type SaidSpan,
} from '../../src/analysis/people/recaps.ts';
import { nameKey } from '../../src/analysis/people/names.ts';
import { corpusMigrations, migrate } from '../../src/corpus/store/migrations.ts';

let db: BetterSqlite3.Database;
afterEach(() => db.close());

/** A database with one person and the articles the tests cite (foreign keys hold). */
function registry(articles: string[]): BetterSqlite3.Database {
  const database = new BetterSqlite3(':memory:');
  database.pragma('foreign_keys = ON');
  migrate(database, [...corpusMigrations, ...peopleMigrations]);
  const addArticle = database.prepare<[string, string]>(
    `INSERT INTO articles (id, content_hash, title, body, outlet, published, tags, lang, origin, ingested)
     VALUES (?, ?, 'Border', 'Text.', 'Wire', '2023-09-29T10:00:00Z', '', 'en', 'test', '2023-09-29T11:00:00Z')`,
  );
  for (const id of articles) addArticle.run(id, `hash-${id}`);
  database
    .prepare(
      `INSERT INTO people (id, name, key, surname, words, first_seen, last_seen)
       VALUES (1, 'John Kirby', 'john kirby', 'kirby', 2, '2023-09-29', '2023-09-29')`,
    )
    .run();
  return database;
}

const day = (said: string): SaidSpan => ({ said, saidEnd: said, dated: false });

/** A report of an article, as the people writer hands it to `join`. */
const report = (published: string, text: string) => ({
  published,
  span: day(published.slice(0, 10)),
  text,
  textKey: nameKey(text),
  cue: null,
  kind: 'indirect',
  start: 0,
  words: statementWords(` ${text}`),
});

function addStatement(articleId: string, said: string, text: string): void {
  db.prepare(
    `INSERT INTO statements (person_id, article_id, published, kind, text, text_key, topics, start, said, said_end)
     VALUES (1, ?, ?, 'indirect', ?, ?, '', 0, ?, ?)`,
  ).run(articleId, `${said}T10:00:00Z`, text, nameKey(text), said, said);
}

describe('recap index', () => {
  it('matches a recap only by the reports it stored, whatever it holds in memory', () => {
    db = registry(['a1', 'a2', 'a3']);
    addStatement(
      'a1',
      '2023-09-29',
      'Serbia should pull its tanks and artillery back from the border',
    );
    const recaps = createRecapIndex(db);
    const a2 = recaps.forArticle('a2');
    // Article a2 repeats the call twice; the second, longer report is not stored, since a2 is
    // already a source of the statement.
    for (const text of [
      'Serbia should pull its tanks and artillery back from the border',
      'Serbia should pull its tanks and artillery back from the border and reopen the crossings at Jarinje',
    ]) {
      const recap = report('2023-09-30T08:00:00Z', text);
      const earlier = a2.find(1, recap.words, recap.span);
      expect(earlier?.article_id).toBe('a1');
      a2.join(earlier!, recap);
    }
    expect(db.prepare('SELECT article_id, text FROM statement_sources').all()).toEqual([
      {
        article_id: 'a2',
        text: ' Serbia should pull its tanks and artillery back from the border',
      },
    ]);
    // What only the unstored report said is no recap of the statement: not with the statement's
    // words in memory, nor read afresh.
    const call = report('2023-10-01T08:00:00Z', 'reopen the crossings at Jarinje');
    expect(recaps.forArticle('a3').find(1, call.words, call.span)).toBeNull();
    expect(createRecapIndex(db).forArticle('a3').find(1, call.words, call.span)).toBeNull();
  });

  it('looks in each statement’s own window, and sees what the previous article stored', () => {
    db = registry(['a1', 'a2', 'a3', 'a4']);
    addStatement(
      'a1',
      '2023-09-29',
      'Serbia should pull its tanks and artillery back from the border',
    );
    addStatement('a2', '2023-10-19', 'Belgrade and Pristina must return to the talks in Brussels');
    const recaps = createRecapIndex(db);
    const a3 = recaps.forArticle('a3');
    const tanks = statementWords(' pull the tanks and artillery back from the border');
    const talks = statementWords(' return to the talks in Brussels, Belgrade and Pristina');
    // One article recaps a call made three weeks before, then the one made the day before.
    expect(
      a3.find(1, tanks, { said: '2023-09-29', saidEnd: '2023-09-29', dated: true })?.article_id,
    ).toBe('a1');
    expect(a3.find(1, talks, day('2023-10-20'))?.article_id).toBe('a2');
    expect(a3.find(1, tanks, day('2023-10-20'))).toBeNull();
    // The next article, the same day, finds what a3 stored in the window a3 read.
    addStatement('a3', '2023-10-20', 'Kosovo police will stay at the Jarinje crossing all winter');
    const police = statementWords(' the police stay at the Jarinje crossing through the winter');
    expect(recaps.forArticle('a4').find(1, police, day('2023-10-20'))?.article_id).toBe('a3');
  });

  it('records the report again when an article’s write was rolled back and is tried again', () => {
    db = registry(['a1', 'a2']);
    addStatement(
      'a1',
      '2023-09-29',
      'Serbia should pull its tanks and artillery back from the border',
    );
    const recaps = createRecapIndex(db);
    const recap = report('2023-09-30T08:00:00Z', 'Serbia should pull its tanks and artillery back');
    const write = () => {
      const view = recaps.forArticle('a2');
      view.join(view.find(1, recap.words, recap.span)!, recap);
    };
    expect(() =>
      db.transaction(() => {
        write();
        throw new Error('disk full');
      })(),
    ).toThrow('disk full');
    expect(db.prepare('SELECT count(*) AS n FROM statement_sources').get()).toEqual({ n: 0 });
    write();
    expect(db.prepare('SELECT article_id FROM statement_sources').all()).toEqual([
      { article_id: 'a2' },
    ]);
  });

  it('drops a copy of a statement that records no more reports, and only of that statement', () => {
    const copies = Array.from({ length: MAX_LATER_REPORTS + 1 }, (_, index) => `c${index + 1}`);
    db = registry(['a1', ...copies]);
    const text = 'Serbia should pull its tanks and artillery back from the border';
    addStatement('a1', '2023-09-29', text);
    const recaps = createRecapIndex(db);
    for (const articleId of copies) {
      const view = recaps.forArticle(articleId);
      const statement = view.copyOf(1, nameKey(text));
      expect(statement).toMatchObject({ article_id: 'a1' });
      if (statement && statement !== FULL)
        view.join(statement, report('2023-09-30T08:00:00Z', text));
    }
    const sources = () => db.prepare('SELECT count(*) AS n FROM statement_sources').get();
    expect(sources()).toEqual({ n: MAX_LATER_REPORTS });
    // Known full from here, by the index the first time and by memory after.
    const later = recaps.forArticle('c99');
    expect(later.copyOf(1, nameKey(text))).toBe(FULL);
    expect(later.copyOf(1, nameKey(text))).toBe(FULL);
    expect(later.copyOf(1, nameKey(`${text} at once`))).toBeNull();
    expect(later.copyOf(2, nameKey(text))).toBeNull();
    // Forgotten (statements were deleted), the index is asked again.
    recaps.forget();
    db.prepare('DELETE FROM statements').run();
    expect(recaps.forArticle('c99').copyOf(1, nameKey(text))).toBeNull();
  });
});
