import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storyMigrations } from '../../src/analysis/stories/schema.ts';
import { corpusMigrations, migrate } from '../../src/corpus/store/migrations.ts';

describe('the story window migration', () => {
  it('files every report of an older database by seq, with its folded outlet and rank', () => {
    const db = new BetterSqlite3(':memory:');
    const before = storyMigrations.filter((migration) => migration.id < '0204');
    migrate(db, [...corpusMigrations, ...before]);
    const addArticle = db.prepare(
      `INSERT INTO articles (id, content_hash, title, body, outlet, published, tags, lang, origin, ingested)
       VALUES (?, ?, 'T', 'B', 'Wire', ?, '', 'en', ?, '2023-09-30T00:00:00Z')`,
    );
    // seq 1 is an article the story index never saw.
    addArticle.run('a0', 'h0', '2023-09-28T10:00:00Z', 'a0');
    addArticle.run('a1', 'h1', '2023-09-29T10:00:00Z', 'a1');
    addArticle.run('a2', 'h2', '2023-09-29T12:00:00Z', 'a2');
    db.prepare(
      `INSERT INTO stories (id, title, first_seen, last_seen, level, fatalities, injured, outlets,
         articles, topics, reasons, de_escalation)
       VALUES ('s1', 'Clash', '2023-09-29T10:00:00Z', '2023-09-29T12:00:00Z', 4, 0, 0, 2, 1,
         'kosovo', '[]', 0)`,
    ).run();
    const addMember = db.prepare(
      `INSERT INTO story_articles (article_id, story_id, published, outlet, simhash, near_duplicate,
         level, fatalities, de_escalation, reasons, tokens, keys, headline, kind, topics)
       VALUES (?, 's1', ?, ?, '0', ?, ?, 0, 0, '[]', '[]', '', ?, ?, ?)`,
    );
    addMember.run('a1', '2023-09-29T10:00:00Z', 'Balkan Wire', 0, 4, 'Clash', 'report', 'kosovo');
    addMember.run('a2', '2023-09-29T12:00:00Z', 'DANUBE Daily', 1, 3, 'clash?', 'question', null);

    expect(migrate(db, [...corpusMigrations, ...storyMigrations])).toEqual(['0204-story-window']);
    expect(db.prepare('SELECT * FROM story_window ORDER BY seq').all()).toEqual([
      {
        seq: 2,
        story_id: 's1',
        article_id: 'a1',
        published: '2023-09-29T10:00:00Z',
        outlet: 'balkan wire',
        level: 4,
        near_duplicate: 0,
        kind_rank: 2,
        headline: 'Clash',
        topics: 'kosovo',
      },
      {
        seq: 3,
        story_id: 's1',
        article_id: 'a2',
        published: '2023-09-29T12:00:00Z',
        outlet: 'danube daily',
        level: 3,
        near_duplicate: 1,
        kind_rank: 0,
        headline: 'clash?',
        topics: null,
      },
    ]);
    const indexes = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'story_articles'",
      )
      .all()
      .map((row) => row.name);
    expect(indexes).not.toContain('story_articles_published');
    db.close();
  });
});
