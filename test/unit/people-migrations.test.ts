import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { peopleMigrations } from '../../src/analysis/people/migrations.ts';
import { corpusMigrations, migrate } from '../../src/corpus/store/migrations.ts';

const indexColumns = (db: BetterSqlite3.Database, index: string) =>
  db
    .prepare<[], { name: string }>(`PRAGMA index_info(${index})`)
    .all()
    .map((column) => column.name);

/** A database migrated up to (not including) the people migration `upTo`, with one article. */
function databaseBefore(upTo: string, body: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(':memory:');
  migrate(db, [
    ...corpusMigrations,
    ...peopleMigrations.filter((migration) => migration.id < upTo),
  ]);
  db.prepare(
    `INSERT INTO articles (id, content_hash, title, body, outlet, published, tags, lang, origin, ingested)
     VALUES ('a1', 'h1', 'Talks', ?, 'Wire', '2023-09-29T10:00:00Z', '', 'en', 'a1', '2023-09-29T11:00:00Z')`,
  ).run(body);
  return db;
}

describe('people migrations', () => {
  it('bring a database from before the span index forward, keeping its statements', () => {
    const db = databaseBefore('0102', 'Belgrade wants calm.');
    db.prepare(
      `INSERT INTO people (id, name, key, surname, words, first_seen, last_seen)
       VALUES (1, 'Ana Brnabic', 'ana brnabic', 'brnabic', 2, '2023-09-29', '2023-09-29')`,
    ).run();
    db.prepare(
      `INSERT INTO statements (person_id, article_id, published, kind, text, text_key, topics,
         start, said, said_end)
       VALUES (1, 'a1', '2023-09-29T10:00:00Z', 'indirect', 'Belgrade wants calm', 'belgrade wants calm',
         ' kosovo ', 0, '2023-09-28', '2023-09-29')`,
    ).run();
    expect(indexColumns(db, 'statements_person_said')).toEqual(['person_id', 'said', 'id']);

    expect(migrate(db, [...corpusMigrations, ...peopleMigrations])).toEqual([
      '0102-statements-span-index',
      '0103-surname-without-article',
      '0104-statement-counts',
      '0105-role-keys',
    ]);
    expect(indexColumns(db, 'statements_person_said')).toEqual([]);
    expect(indexColumns(db, 'statements_person_span')).toEqual([
      'person_id',
      'said',
      'id',
      'said_end',
    ]);
    expect(db.prepare('SELECT text, said_end FROM statements').all()).toEqual([
      { text: 'Belgrade wants calm', said_end: '2023-09-29' },
    ]);
    db.close();
  });

  it('stores surnames without their Arabic article and counts statements from the rows', () => {
    const db = databaseBefore('0103', 'Doha wants calm.');
    db.prepare(
      `INSERT INTO people (id, name, key, surname, words, statements, first_seen, last_seen) VALUES
       (1, 'Majed al-Ansari', 'majed al ansari', 'al ansari', 2, 2, '2024-01-29', '2024-01-29'),
       (2, 'Karine Jean-Pierre', 'karine jean pierre', 'jean pierre', 2, 0, '2024-01-29', '2024-01-29')`,
    ).run();
    db.prepare(
      `INSERT INTO statements (person_id, article_id, published, kind, text, text_key, topics,
         start, said, said_end)
       VALUES (1, 'a1', '2024-01-29T10:00:00Z', 'indirect', 'Doha wants calm', 'doha wants calm',
         ' gaza ', 0, '2024-01-29', '2024-01-29')`,
    ).run();

    migrate(db, [...corpusMigrations, ...peopleMigrations]);
    expect(db.prepare('SELECT surname, statements FROM people ORDER BY id').all()).toEqual([
      { surname: 'ansari', statements: 1 },
      { surname: 'jean pierre', statements: 0 },
    ]);
    db.close();
  });

  it("files stored roles under today's keys, one row per office", () => {
    const db = databaseBefore('0105', 'Kirby spoke.');
    db.prepare(
      `INSERT INTO people (id, name, key, surname, words, first_seen, last_seen)
       VALUES (1, 'John Kirby', 'john kirby', 'kirby', 2, '2024-01-02', '2024-03-04')`,
    ).run();
    db.prepare(
      `INSERT INTO person_roles (person_id, role_key, role, count, first_seen, last_seen) VALUES
       (1, 'national security council spokesman', 'National Security Council spokesman', 3, '2024-01-02', '2024-02-01'),
       (1, 'spokesman for the national security council', 'spokesman for the National Security Council', 2, '2024-01-05', '2024-03-04'),
       (1, 'admiral', 'Admiral', 1, '2024-01-02', '2024-01-02')`,
    ).run();

    migrate(db, [...corpusMigrations, ...peopleMigrations]);
    expect(
      db
        .prepare(
          'SELECT role_key, role, count, first_seen, last_seen FROM person_roles ORDER BY role_key',
        )
        .all(),
    ).toEqual([
      {
        role_key: 'admiral',
        role: 'Admiral',
        count: 1,
        first_seen: '2024-01-02',
        last_seen: '2024-01-02',
      },
      {
        role_key: 'national security council spokesperson',
        role: 'spokesman for the National Security Council',
        count: 5,
        first_seen: '2024-01-02',
        last_seen: '2024-03-04',
      },
    ]);
    db.close();
  });
});
