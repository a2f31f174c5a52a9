import type { Migration } from '../../corpus/store/migrations.ts';
import { ARTICLE_PREFIX } from './names.ts';
import { roleKey } from './roles.ts';

/**
 * The people registry's tables, filled at ingest by the people indexer: one row per canonical
 * person, the spellings that name them (folded, so Vucic and Vučić meet), the roles seen with
 * their dates, and every statement attributed to them. `/who` reads only these.
 */
export const peopleMigrations: Migration[] = [
  {
    id: '0100-people',
    up(db) {
      db.exec(`
        CREATE TABLE people (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          key TEXT NOT NULL UNIQUE,
          surname TEXT NOT NULL,
          words INTEGER NOT NULL,
          mentions INTEGER NOT NULL DEFAULT 0,
          statements INTEGER NOT NULL DEFAULT 0,
          first_seen TEXT NOT NULL,
          last_seen TEXT NOT NULL
        );
        CREATE INDEX people_surname ON people (surname);
        CREATE TABLE person_aliases (
          alias TEXT NOT NULL,
          person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
          display TEXT NOT NULL,
          count INTEGER NOT NULL,
          PRIMARY KEY (alias, person_id)
        ) WITHOUT ROWID;
        CREATE INDEX person_aliases_person ON person_aliases (person_id);
        CREATE TABLE person_roles (
          person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
          role_key TEXT NOT NULL,
          role TEXT NOT NULL,
          count INTEGER NOT NULL,
          first_seen TEXT NOT NULL,
          last_seen TEXT NOT NULL,
          PRIMARY KEY (person_id, role_key)
        ) WITHOUT ROWID;
        CREATE TABLE statements (
          id INTEGER PRIMARY KEY,
          person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
          article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
          published TEXT NOT NULL,
          kind TEXT NOT NULL,
          text TEXT NOT NULL,
          text_key TEXT NOT NULL,
          topics TEXT NOT NULL,
          cue TEXT,
          start INTEGER NOT NULL
        );
        CREATE INDEX statements_person ON statements (person_id, published DESC, id);
        CREATE INDEX statements_article ON statements (article_id);
        CREATE UNIQUE INDEX statements_once ON statements (person_id, text_key);
      `);
    },
  },
  {
    // When a statement was made (inclusive days, from its sentence or else its publication),
    // and the later articles that reported it again: a recap joins the statement it recaps.
    id: '0101-statement-dates',
    up(db) {
      db.exec(`
        ALTER TABLE statements ADD COLUMN said TEXT;
        ALTER TABLE statements ADD COLUMN said_end TEXT;
        UPDATE statements SET said = substr(published, 1, 10), said_end = substr(published, 1, 10);
        DROP INDEX statements_person;
        CREATE INDEX statements_person_said ON statements (person_id, said DESC, id);
        CREATE TABLE statement_sources (
          statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
          article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
          text TEXT NOT NULL,
          PRIMARY KEY (statement_id, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX statement_sources_article ON statement_sources (article_id);
      `);
    },
  },
  {
    // The recap lookup (recaps.ts) reads a person's statements in a window of days and keeps
    // those whose span reaches it: with `said_end` in the index it reads ids from the index
    // alone instead of every row and text in the window. `/who` reads it in the same order.
    id: '0102-statements-span-index',
    up(db) {
      db.exec(`
        DROP INDEX statements_person_said;
        CREATE INDEX statements_person_span ON statements (person_id, said DESC, id, said_end);
      `);
    },
  },
  {
    // A surname stored with its Arabic article ("al thani" from "al-Thani") is stored without
    // it, as `nameWords` now reads it: "Al Thani" and "Mr Sisi" find those people.
    id: '0103-surname-without-article',
    up(db) {
      const rows = db
        .prepare<[], { id: number; surname: string }>(
          "SELECT id, surname FROM people WHERE surname LIKE '% %'",
        )
        .all();
      const update = db.prepare<[string, number]>('UPDATE people SET surname = ? WHERE id = ?');
      for (const row of rows) {
        const surname = row.surname.replace(ARTICLE_PREFIX, '');
        if (surname !== row.surname) update.run(surname, row.id);
      }
    },
  },
  {
    // Statement counts were added twice when two spellings in one article were one person:
    // counted again from the statements themselves.
    id: '0104-statement-counts',
    up(db) {
      db.exec(`UPDATE people SET statements =
        (SELECT count(*) FROM statements WHERE statements.person_id = people.id)`);
    },
  },
  {
    // Roles filed under the keys of today's `roleKey` ("spokesman for the National Security
    // Council" and "National Security Council spokesperson" are one office): rows that now
    // share a key become one, counted together, under its longest spelling as ingest keeps it.
    id: '0105-role-keys',
    up(db) {
      const rows = db
        .prepare<
          [],
          {
            person_id: number;
            role_key: string;
            role: string;
            count: number;
            first_seen: string;
            last_seen: string;
          }
        >('SELECT person_id, role_key, role, count, first_seen, last_seen FROM person_roles')
        .all();
      const remove = db.prepare<[number, string]>(
        'DELETE FROM person_roles WHERE person_id = ? AND role_key = ?',
      );
      const add = db.prepare<[number, string, string, number, string, string]>(
        `INSERT INTO person_roles (person_id, role_key, role, count, first_seen, last_seen)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (person_id, role_key) DO UPDATE SET count = count + excluded.count,
           first_seen = min(first_seen, excluded.first_seen),
           last_seen = max(last_seen, excluded.last_seen),
           role = CASE WHEN length(excluded.role) > length(role)
             OR (length(excluded.role) = length(role) AND excluded.role < role)
             THEN excluded.role ELSE role END`,
      );
      for (const row of rows) {
        const key = roleKey(row.role);
        if (!key || key === row.role_key) continue;
        remove.run(row.person_id, row.role_key);
        add.run(row.person_id, key, row.role, row.count, row.first_seen, row.last_seen);
      }
    },
  },
];
