import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyAnalysis } from '../../src/analysis/analysis.ts';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import { articleId } from '../../src/corpus/article-id.ts';
import { openDatabase } from '../../src/corpus/store/database.ts';
import { corpusMigrations, migrate } from '../../src/corpus/store/migrations.ts';
import { createSqliteStore, type Store } from '../../src/corpus/store/store.ts';
import { resolveTopic } from '../../src/corpus/topics.ts';
import { article } from '../helpers/articles.ts';

const memoryStore = (): Store => createSqliteStore(openDatabase(':memory:', corpusMigrations));

describe('the article store', () => {
  it('merges an article seen again at the same URL, tracking parameters and all', () => {
    const store = memoryStore();
    expect(store.addArticle(article(), emptyAnalysis()).status).toBe('added');
    const again = store.addArticle(
      article({
        url: 'https://www.balkanwire.example.com/banjska/?utm_source=x#top',
        title: 'Changed',
      }),
      emptyAnalysis(),
    );
    expect(again).toMatchObject({ status: 'duplicate', reason: 'same url' });
    expect(store.count()).toBe(1);
  });

  it('keeps its count through a rolled-back insert and a delete', () => {
    const store = memoryStore();
    store.addArticle(article(), emptyAnalysis());
    expect(() =>
      store.transaction(() => {
        store.addArticle(
          article({ url: 'https://a.example/2', body: 'Another text.' }),
          emptyAnalysis(),
        );
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(store.count()).toBe(1);
    store.addArticle(
      article({ url: 'https://a.example/3', body: 'A third text.' }),
      emptyAnalysis(),
    );
    expect(store.count()).toBe(2);
    store.db.prepare("DELETE FROM articles WHERE url = 'https://a.example/3'").run();
    expect(store.count()).toBe(1);
  });

  it('merges an exact copy published under another URL', () => {
    const store = memoryStore();
    store.addArticle(article(), emptyAnalysis());
    const copy = store.addArticle(
      article({ url: 'https://mirror.example.net/copy', outlet: 'Mirror' }),
      emptyAnalysis(),
    );
    expect(copy).toMatchObject({ status: 'duplicate', reason: 'same text' });
  });

  it('finds a topic by its aliases, hashtags and folded diacritics', () => {
    const store = memoryStore();
    store.addArticle(
      article({
        url: 'https://a.example/1',
        title: 'Kosovar police on alert',
        body: 'Text one.',
        tags: [],
      }),
      emptyAnalysis(),
    );
    store.addArticle(
      article({
        url: 'https://a.example/2',
        title: 'Talks in Priština',
        body: 'Text two.',
        tags: [],
      }),
      emptyAnalysis(),
    );
    store.addArticle(
      article({
        url: 'https://a.example/3',
        title: 'Untitled',
        body: 'Text three.',
        tags: ['Kosovo'],
      }),
      emptyAnalysis(),
    );
    store.addArticle(
      article({
        url: 'https://a.example/4',
        title: 'Yerevan protests',
        body: 'Armenia news.',
        tags: [],
      }),
      emptyAnalysis(),
    );
    const found = store.search({ terms: resolveTopic('#KOSOVO').terms });
    expect(found.map((item) => item.url).sort()).toEqual([
      'https://a.example/1',
      'https://a.example/2',
      'https://a.example/3',
    ]);
  });

  it('finds articles by tag, with or without the #', () => {
    const store = memoryStore();
    store.addArticle(
      article({ url: 'https://a.example/t1', tags: ['KFOR', 'Kosovo'] }),
      emptyAnalysis(),
    );
    store.addArticle(
      article({
        url: 'https://a.example/t2',
        body: 'KFOR mentioned only in text.',
        tags: ['Serbia'],
      }),
      emptyAnalysis(),
    );
    expect(store.search({ tag: '#kfor' }).map((item) => item.url)).toEqual([
      'https://a.example/t1',
    ]);
    expect(store.search({ tag: 'kfor', terms: ['banjska'] }).map((item) => item.url)).toEqual([
      'https://a.example/t1',
    ]);
    expect(store.search({ tag: 'kf' })).toEqual([]);
  });

  it('limits a search to a time window and orders it newest first', () => {
    const store = memoryStore();
    for (const day of ['01', '05', '09']) {
      store.addArticle(
        article({
          url: `https://a.example/${day}`,
          body: `Day ${day}.`,
          published: `2023-09-${day}T00:00:00.000Z`,
        }),
        emptyAnalysis(),
      );
    }
    const found = store.search({
      terms: ['kosovo'],
      from: '2023-09-02T00:00:00.000Z',
      to: '2023-09-30T00:00:00.000Z',
    });
    expect(found.map((item) => item.published.slice(8, 10))).toEqual(['09', '05']);
    expect(store.newestMatching(resolveTopic('kosovo'), '2023-09-06T00:00:00.000Z')).toBe(
      '2023-09-05T00:00:00.000Z',
    );
  });

  it('treats FTS syntax in user input as plain words', () => {
    const store = memoryStore();
    store.addArticle(article(), emptyAnalysis());
    expect(() => store.search({ terms: ['kosovo" OR body:*', 'NEAR(a b)', ')'] })).not.toThrow();
    expect(store.search({ terms: ['***'] })).toEqual([]);
  });
});

describe('migrations', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('brings a database file made by an older version forward and keeps its articles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-'));
    dirs.push(dir);
    const path = join(dir, 'old.db');
    const old = new BetterSqlite3(path);
    migrate(old, corpusMigrations.slice(0, 1));
    old
      .prepare(
        `INSERT INTO articles (id, content_hash, url, title, body, outlet, published, tags, lang, origin, ingested)
         VALUES ('abc', 'h', NULL, 'Old Kosovo story', 'Body.', 'Wire', '2023-01-01T00:00:00.000Z', 'Kosovo', 'en', 'x', '2023-01-01T00:00:00.000Z')`,
      )
      .run();
    old.close();

    const store = createSqliteStore(openDatabase(path, corpusMigrations));
    expect(store.count()).toBe(1);
    expect(store.getArticle('abc')?.title).toBe('Old Kosovo story');
    expect(store.search({ terms: ['kosovo'] })).toHaveLength(1);
    // The topic index is filled from the articles already there.
    expect(store.search({ topic: resolveTopic('kosovo') }).map((item) => item.id)).toEqual(['abc']);
    expect(store.addArticle(article(), emptyAnalysis()).status).toBe('added');
    expect(store.count()).toBe(2);
    const applied = store.db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all();
    expect(applied).toEqual(corpusMigrations.map((migration) => migration.id));
    const tables = store.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
      .pluck()
      .all();
    expect(tables).toContain('analyses');
    expect(tables).not.toContain('article_entities');
    store.close();
  });
});

describe('stored analyses', () => {
  it('are kept deflated, read back whole, and rows written as plain JSON still read', () => {
    const store = memoryStore();
    const analysis = analyzeArticle(article());
    const { article: added } = store.addArticle(article(), analysis);
    expect(store.getAnalysis(added.id)).toEqual(analysis);
    const stored = store.db
      .prepare<[string], { data: Buffer }>('SELECT data FROM analyses WHERE article_id = ?')
      .get(added.id)!.data;
    expect(Buffer.isBuffer(stored)).toBe(true);
    expect(stored.length).toBeLessThan(JSON.stringify(analysis).length);
    store.db
      .prepare('UPDATE analyses SET data = ? WHERE article_id = ?')
      .run(JSON.stringify({ ...analysis, summary: ['written by an older sitrep'] }), added.id);
    // A store opened on the file later (the row is read, not remembered).
    expect(createSqliteStore(store.db).getAnalysis(added.id)?.summary).toEqual([
      'written by an older sitrep',
    ]);
  });

  it('are decoded once while recently read, and an article stored after a miss is found', () => {
    const store = memoryStore();
    const input = article();
    const { id } = store.addArticle(input, analyzeArticle(input)).article;
    const first = store.getAnalysis(id);
    expect(store.getAnalysis(id)).toBe(first);
    const later = { ...article(), title: 'A later report', url: 'https://example.org/later' };
    const laterId = articleId(later);
    expect(store.getAnalysis(laterId)).toBeNull();
    store.addArticle(later, analyzeArticle(later));
    expect(store.getAnalysis(laterId)?.summary.length).toBeGreaterThan(0);
  });
});

describe('topic index', () => {
  const words = [
    'Pristina',
    'Kosovar',
    'Zubin Potok',
    'KFOR',
    'Belgrade',
    'Kosovo’s',
    'Zvečan',
    'talks',
  ];
  function corpus(store: Store): void {
    for (let i = 0; i < 60; i++) {
      const pick = (k: number) => words[(i * 7 + k * 3) % words.length]!;
      store.addArticle(
        article({
          url: `https://a.example/${i}`,
          title: `${pick(1)} report ${i}`,
          body: `Officials in ${pick(2)} spoke. ${i % 4 === 0 ? pick(3) : 'Nothing else'}.`,
          tags: i % 5 === 0 ? ['KFOR'] : [],
          published: new Date(
            Date.UTC(2023, 8, 1) + ((i * 37) % 60) * 3_600_000 * 11,
          ).toISOString(),
        }),
        emptyAnalysis(),
      );
    }
  }

  it('gives a known topic exactly what a full-text search for its terms gives', () => {
    const store = memoryStore();
    corpus(store);
    for (const name of ['kosovo', 'serbia', 'nagorno-karabakh']) {
      const topic = resolveTopic(name);
      for (const window of [
        {},
        { to: '2023-09-10T00:00:00.000Z' },
        { from: '2023-09-05T00:00:00.000Z', to: '2023-09-20T00:00:00.000Z' },
      ])
        for (const limit of [1, 5, 100]) {
          const indexed = store.search({ topic, limit, ...window }).map((item) => item.id);
          const searched = store
            .search({ terms: topic.terms, limit, ...window })
            .map((item) => item.id);
          expect(indexed).toEqual(searched);
        }
    }
    expect(store.search({ topic: resolveTopic('kosovo'), limit: 100 }).length).toBeGreaterThan(10);
  });

  it('rebuilds a topic whose terms changed since the rows were written', () => {
    const store = memoryStore();
    corpus(store);
    const kosovo = resolveTopic('kosovo');
    const before = store.search({ topic: kosovo, limit: 100 }).map((item) => item.id);
    store.db.exec("DELETE FROM article_topics WHERE topic = 'kosovo'");
    store.db.exec("UPDATE topic_terms SET terms = '[\"kosovo\"]' WHERE topic = 'kosovo'");
    expect(store.search({ topic: kosovo, limit: 100 })).toEqual([]);
    const reopened = createSqliteStore(store.db);
    expect(reopened.search({ topic: kosovo, limit: 100 }).map((item) => item.id)).toEqual(before);
  });
});
