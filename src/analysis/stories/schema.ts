import type { Migration } from '../../corpus/store/migrations.ts';
import { HEADLINE_RANK } from './headline.ts';

/** One row of `stories`, as SQLite returns it. */
export interface StoryRow {
  id: string;
  title: string;
  first_seen: string;
  last_seen: string;
  /** When the report that gave the story its level came (null: indexed before it was kept). */
  peak_seen: string | null;
  level: number;
  fatalities: number;
  injured: number;
  outlets: number;
  articles: number;
  topics: string;
  reasons: string;
  de_escalation: number;
}

/**
 * Tables of the story index, beside the corpus in the same file. `story_keys` holds each
 * story's place and actor keys with the last time they were seen, so finding candidate stories
 * for a new article is an index range scan, not a pass over all stories.
 */
export const storyMigrations: Migration[] = [
  {
    id: '0200-stories',
    up(db) {
      db.exec(`
        CREATE TABLE stories (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          first_seen TEXT NOT NULL,
          last_seen TEXT NOT NULL,
          level INTEGER NOT NULL,
          fatalities INTEGER NOT NULL,
          injured INTEGER NOT NULL,
          outlets INTEGER NOT NULL,
          articles INTEGER NOT NULL,
          topics TEXT NOT NULL,
          reasons TEXT NOT NULL,
          de_escalation INTEGER NOT NULL
        );
        CREATE INDEX stories_last_seen ON stories (last_seen);
        CREATE TABLE story_articles (
          article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
          story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
          published TEXT NOT NULL,
          outlet TEXT NOT NULL,
          simhash TEXT NOT NULL,
          near_duplicate INTEGER NOT NULL,
          level INTEGER NOT NULL,
          fatalities INTEGER NOT NULL,
          de_escalation INTEGER NOT NULL,
          reasons TEXT NOT NULL,
          tokens TEXT NOT NULL,
          keys TEXT NOT NULL
        );
        CREATE INDEX story_articles_story ON story_articles (story_id, published);
        CREATE INDEX story_articles_published ON story_articles (published);
        CREATE TABLE story_keys (
          key TEXT NOT NULL,
          story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
          last_seen TEXT NOT NULL,
          PRIMARY KEY (key, story_id)
        ) WITHOUT ROWID;
        CREATE INDEX story_keys_recent ON story_keys (key, last_seen);
      `);
    },
  },
  {
    // Document frequencies of story terms (see term-stats.ts); each report's headline as shown,
    // its kind ('report', 'slug' for a URL slug as title, 'question'), and the topics it is
    // centrally about (null: indexed before, counted as central). From here on `story_articles.tokens` holds the article's term vector
    // as JSON; rows written before hold words, which match nothing.
    id: '0201-story-terms',
    up(db) {
      db.exec(`
        CREATE TABLE story_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
        ALTER TABLE story_articles ADD COLUMN headline TEXT NOT NULL DEFAULT '';
        ALTER TABLE story_articles ADD COLUMN kind TEXT NOT NULL DEFAULT 'report';
        ALTER TABLE story_articles ADD COLUMN topics TEXT;
      `);
    },
  },
  {
    // When the story reached its level: the day of the event a story opened by warnings or
    // fears is the day of the attack, not of the first warning (see read.ts, `eventDay`).
    id: '0202-story-peak-seen',
    up(db) {
      db.exec('ALTER TABLE stories ADD COLUMN peak_seen TEXT');
    },
  },
  {
    // Who attacked whom in each report's attacks ("a:us a:uk t:houthis", roles.ts): an attack
    // on a party that attacked in a story is the answer to it, another event.
    id: '0203-story-roles',
    up(db) {
      db.exec("ALTER TABLE story_articles ADD COLUMN roles TEXT NOT NULL DEFAULT ''");
    },
  },
  {
    // What a topic's window reads of each report, keyed by the article's `seq` as
    // `article_topics` is (see `story_window` in docs/briefing.md). A window query joined each
    // topic row to the article's row and then its `story_articles` row, both a few kilobytes:
    // 41% of a month's briefing at a million articles, with 20,000 articles in the window.
    // `story_articles_published` served no query.
    id: '0204-story-window',
    up(db) {
      db.exec(`
        CREATE TABLE story_window (
          seq INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
          story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
          article_id TEXT NOT NULL,
          published TEXT NOT NULL,
          outlet TEXT NOT NULL,
          level INTEGER NOT NULL,
          near_duplicate INTEGER NOT NULL,
          kind_rank INTEGER NOT NULL,
          headline TEXT NOT NULL,
          topics TEXT
        );
        CREATE INDEX story_window_best ON story_window
          (story_id, near_duplicate, kind_rank DESC, level DESC, published, article_id);
        CREATE INDEX story_window_headline ON story_window
          (story_id, headline, near_duplicate, kind_rank DESC, level DESC, published, article_id);
        CREATE INDEX story_window_outlet ON story_window (story_id, outlet);
        INSERT INTO story_window
          SELECT a.seq, sa.story_id, sa.article_id, sa.published, lower(sa.outlet), sa.level,
            sa.near_duplicate, CASE sa.kind WHEN 'report' THEN ${HEADLINE_RANK.report}
              WHEN 'slug' THEN ${HEADLINE_RANK.slug} ELSE ${HEADLINE_RANK.question} END,
            sa.headline, sa.topics
          FROM story_articles sa JOIN articles a ON a.id = sa.article_id;
        DROP INDEX story_articles_published;
      `);
    },
  },
];
