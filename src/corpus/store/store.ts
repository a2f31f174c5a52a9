import type { Database } from 'better-sqlite3';
import type { Analysis } from '../../analysis/analysis.ts';
import type { Article, ArticleInput } from '../article.ts';
import type { Topic } from '../topics.ts';
import { ftsMatch } from './fts-query.ts';
import { decodeAnalysis } from './analysis-codec.ts';
import { storedForm, type StoredForm } from './stored-form.ts';
import { createTopicIndex } from './topic-index.ts';

export interface ArticleQuery {
  /** A topic: a known one is read from its index, an ad-hoc one searched by its words. */
  topic?: Topic;
  /** Plain terms, OR-ed (a topic's aliases); matched against title, body and tags. */
  terms?: readonly string[];
  /** A tag the article must carry (`#Kosovo` and `kosovo` alike). */
  tag?: string;
  /** Inclusive ISO bounds on the publication time. */
  from?: string;
  to?: string;
  limit?: number;
  /** `newest` (default) or `relevance` (FTS rank, then newest). */
  order?: 'newest' | 'relevance';
}

export type AddResult =
  | { status: 'added'; article: Article }
  | { status: 'duplicate'; article: Article; reason: 'same url' | 'same text' };

/** The article corpus. One SQLite file; every read is indexed, every write one transaction. */
export interface Store {
  /** The database handle, for modules that keep their own tables beside the corpus. */
  readonly db: Database;
  addArticle(input: ArticleInput, analysis: Analysis): AddResult;
  /**
   * The same, from the article's stored form computed beforehand (on an analysis thread).
   * Inside a transaction it takes no savepoint of its own (a savepoint costs a copy of every
   * page it touches): when it throws there, the caller's transaction or savepoint must roll back.
   */
  addPrepared(input: ArticleInput, form: StoredForm): AddResult;
  getArticle(id: string): Article | null;
  /**
   * The article's stored analysis, decoded; the same object for an article read recently, so
   * callers must not modify it.
   */
  getAnalysis(id: string): Analysis | null;
  search(query: ArticleQuery): Article[];
  /** Publication time of the topic's newest article (at or before `to`), or null. */
  newestMatching(topic: Topic, to?: string): string | null;
  count(): number;
  newest(): Article | null;
  /** When the most recently stored article was stored (ISO), or null for an empty corpus. */
  lastIngested(): string | null;
  /** Changes whenever an article is added: the key for caches of derived answers. */
  version(): number;
  transaction<T>(work: () => T): T;
  close(): void;
}

interface ArticleRow {
  id: string;
  url: string | null;
  title: string;
  body: string;
  outlet: string;
  published: string;
  tags: string;
  lang: string;
  origin: string;
  ingested: string;
}

const COLUMNS =
  'a.id, a.url, a.title, a.body, a.outlet, a.published, a.tags, a.lang, a.origin, a.ingested';

function toArticle(row: ArticleRow): Article {
  return { ...row, tags: row.tags ? row.tags.split(' ').map((tag) => tag.replace(/_/g, ' ')) : [] };
}

/** Tags are stored space-separated (multi-word tags joined by `_`) so FTS indexes them as words. */
function encodeTags(tags: readonly string[]): string {
  return tags.map((tag) => tag.trim().replace(/\s+/g, '_')).join(' ');
}

/**
 * Decoded analyses kept (`getAnalysis`): at about 77 kB of heap each, 256 hold several
 * briefings' reading for 20 MB, within a serving bot's 400 MB.
 */
const RECENT_ANALYSES = 256;

/** Wraps an open, migrated database (see `openDatabase`) as the article store. */
export function createSqliteStore(db: Database, now: () => Date = () => new Date()): Store {
  const byId = db.prepare<[string], ArticleRow>(`SELECT ${COLUMNS} FROM articles a WHERE a.id = ?`);
  const byHash = db.prepare<[string], ArticleRow>(
    `SELECT ${COLUMNS} FROM articles a WHERE a.content_hash = ? LIMIT 1`,
  );
  const insert = db.prepare(`INSERT INTO articles
    (id, content_hash, url, title, body, outlet, published, tags, lang, origin, ingested)
    VALUES (@id, @hash, @url, @title, @body, @outlet, @published, @tags, @lang, @origin, @ingested)`);
  const insertAnalysis = db.prepare('INSERT INTO analyses (article_id, data) VALUES (?, ?)');
  const analysisOf = db.prepare<[string], { data: string | Buffer }>(
    'SELECT data FROM analyses WHERE article_id = ?',
  );
  /**
   * The analyses read most recently, decoded. Inflating and parsing an analysis (about 60 kB of
   * JSON) was 45% of a `/briefing` at 100,000 articles, and briefings on a topic keep reading
   * its latest reports. A stored analysis never changes, so an entry never goes stale.
   */
  const recentAnalyses = new Map<string, Analysis>();
  const countAll = db.prepare<[], { n: number }>('SELECT n FROM article_count');
  const newestRow = db.prepare<[], ArticleRow>(
    `SELECT ${COLUMNS} FROM articles a ORDER BY a.published DESC LIMIT 1`,
  );
  const topics = createTopicIndex(db);
  const maxSeq = db.prepare<[], { v: number | null }>('SELECT max(seq) AS v FROM articles');
  const lastRow = db.prepare<[], { ingested: string }>(
    'SELECT ingested FROM articles ORDER BY seq DESC LIMIT 1',
  );

  function addPrepared(input: ArticleInput, form: StoredForm): AddResult {
    return db.inTransaction ? add(input, form) : db.transaction(add)(input, form);
  }

  function add(input: ArticleInput, form: StoredForm): AddResult {
    const { id, hash } = form;
    const sameUrl = byId.get(id);
    if (sameUrl) return { status: 'duplicate', article: toArticle(sameUrl), reason: 'same url' };
    const sameText = byHash.get(hash);
    if (sameText) return { status: 'duplicate', article: toArticle(sameText), reason: 'same text' };
    const article: Article = { ...input, id, url: form.url, ingested: now().toISOString() };
    const tags = encodeTags(article.tags);
    const seq = Number(insert.run({ ...article, hash, tags }).lastInsertRowid);
    topics.add(seq, article.published, form.topics);
    insertAnalysis.run(id, form.analysis);
    return { status: 'added', article };
  }

  function search(query: ArticleQuery): Article[] {
    const where: string[] = [];
    const params: Record<string, string | number> = {
      limit: Math.max(1, Math.min(query.limit ?? 50, 10_000)),
    };
    let from = 'articles a';
    let order = 'a.published DESC';
    let published = 'a.published';
    const indexed = query.topic?.known && query.order !== 'relevance';
    const termsOf = indexed ? query.terms : (query.terms ?? query.topic?.terms);
    if (indexed) {
      // The topic's newest articles: a range of its index, not a sort of every match.
      from = 'article_topics t JOIN articles a ON a.seq = t.seq';
      where.push('t.topic = @topic');
      params['topic'] = query.topic!.key;
      order = 't.published DESC, t.seq DESC';
      published = 't.published';
    }
    if (termsOf || query.tag !== undefined) {
      const terms = termsOf ? ftsMatch(termsOf) : null;
      const tag =
        query.tag !== undefined
          ? ftsMatch([query.tag.replace(/^#/, '').replace(/\s+/g, '_')], 'tags')
          : null;
      if ((termsOf && terms === null) || (query.tag !== undefined && tag === null)) return [];
      params['match'] = [terms, tag]
        .filter(Boolean)
        .map((part) => `(${part})`)
        .join(' AND ');
      if (query.order === 'relevance') {
        from = 'articles_fts f JOIN articles a ON a.seq = f.rowid';
        where.push('articles_fts MATCH @match');
        order = 'f.rank, a.published DESC';
      } else if (indexed) {
        where.push('a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match)');
      } else {
        // Newest first: walk the publication index within the time bounds and keep the rows in
        // the FTS match set (materialised once), so LIMIT stops early instead of joining and
        // sorting every match of a busy topic (tens of thousands in a large corpus).
        from = 'articles a INDEXED BY articles_published';
        where.push('a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match)');
      }
    }
    if (query.from) {
      where.push(`${published} >= @from`);
      params['from'] = query.from;
    }
    if (query.to) {
      where.push(`${published} <= @to`);
      params['to'] = query.to;
    }
    const sql = `SELECT ${COLUMNS} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order} LIMIT @limit`;
    return db
      .prepare<[Record<string, string | number>], ArticleRow>(sql)
      .all(params)
      .map(toArticle);
  }

  return {
    db,
    addArticle: (input, analysis) => addPrepared(input, storedForm(input, analysis)),
    addPrepared,
    getArticle: (id) => {
      const row = byId.get(id);
      return row ? toArticle(row) : null;
    },
    getAnalysis: (id) => {
      const remembered = recentAnalyses.get(id);
      if (remembered) {
        // Map order is the recency order: read it again at the end.
        recentAnalyses.delete(id);
        recentAnalyses.set(id, remembered);
        return remembered;
      }
      const row = analysisOf.get(id);
      if (!row) return null;
      const analysis = decodeAnalysis(row.data);
      if (recentAnalyses.size >= RECENT_ANALYSES) {
        recentAnalyses.delete(recentAnalyses.keys().next().value!);
      }
      recentAnalyses.set(id, analysis);
      return analysis;
    },
    search,
    newestMatching: (topic, to) =>
      search({ topic, limit: 1, ...(to ? { to } : {}) })[0]?.published ?? null,
    count: () => countAll.get()?.n ?? 0,
    newest: () => {
      const row = newestRow.get();
      return row ? toArticle(row) : null;
    },
    lastIngested: () => lastRow.get()?.ingested ?? null,
    version: () => maxSeq.get()?.v ?? 0,
    transaction: (work) => db.transaction(work)(),
    close: () => db.close(),
  };
}
