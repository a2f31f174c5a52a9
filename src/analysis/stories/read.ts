import type { Database } from 'better-sqlite3';
import { severityLabel } from '../severity.ts';
import type { StoryRow } from './schema.ts';
import { ftsMatch } from '../../corpus/store/fts-query.ts';

/** A story as the briefing's developments and the timeline show it. */
export interface StoryView {
  id: string;
  title: string;
  firstSeen: string;
  lastSeen: string;
  level: number;
  label: string;
  fatalities: number;
  injured: number;
  /** Distinct outlets that carried it, near-duplicate copies included. */
  outlets: number;
  /** Distinct reports (near-duplicates not counted). */
  articleCount: number;
  /** Every article of the story, oldest first, near-duplicates included. */
  articleIds: string[];
  topics: string[];
  deEscalation: boolean;
  reasons: string[];
}

/** A story row with the ids of its articles, comma-separated. */
interface StoryRowWithArticles extends StoryRow {
  article_ids: string;
}

const SELECT = `SELECT s.*, (SELECT group_concat(article_id, ' ') FROM
  (SELECT article_id FROM story_articles WHERE story_id = s.id ORDER BY published, article_id))
  AS article_ids FROM stories s`;

function toView(row: StoryRowWithArticles): StoryView {
  return {
    id: row.id,
    title: row.title,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    level: row.level,
    label: severityLabel(row.level),
    fatalities: row.fatalities,
    injured: row.injured,
    outlets: row.outlets,
    articleCount: row.articles,
    articleIds: row.article_ids ? row.article_ids.split(' ') : [],
    topics: row.topics ? row.topics.split(' ') : [],
    deEscalation: row.de_escalation === 1,
    reasons: JSON.parse(row.reasons) as string[],
  };
}

/** One story by id, or null. */
export function getStory(db: Database, id: string): StoryView | null {
  const row = db.prepare<[string], StoryRowWithArticles>(`${SELECT} WHERE s.id = ?`).get(id);
  return row ? toView(row) : null;
}

/** The story an article belongs to, or null when it was never indexed. */
export function storyOfArticle(db: Database, articleId: string): StoryView | null {
  const row = db
    .prepare<[string], { story_id: string }>(
      'SELECT story_id FROM story_articles WHERE article_id = ?',
    )
    .get(articleId);
  return row ? getStory(db, row.story_id) : null;
}

/**
 * Stories with at least one article that matches the topic's terms (full-text, as the corpus
 * search does) published within [from, to] (inclusive ISO bounds), most severe first, then
 * most recent.
 */
export function storiesForTopic(
  db: Database,
  terms: readonly string[],
  from: string,
  to: string,
): StoryView[] {
  const match = ftsMatch(terms);
  if (match === null) return [];
  return db
    .prepare<[string, string, string], StoryRowWithArticles>(
      `${SELECT} WHERE s.id IN (
         SELECT sa.story_id FROM articles_fts f
         JOIN articles a ON a.seq = f.rowid
         JOIN story_articles sa ON sa.article_id = a.id
         WHERE articles_fts MATCH ? AND a.published >= ? AND a.published <= ?)
       ORDER BY s.level DESC, s.last_seen DESC`,
    )
    .all(match, from, to)
    .map(toView);
}

/** Per-article severity rows of a topic's window, oldest first (for escalation and trends). */
export interface ArticleSeverityRow {
  articleId: string;
  storyId: string;
  published: string;
  level: number;
  fatalities: number;
  deEscalation: boolean;
  nearDuplicate: boolean;
  reasons: string[];
}

/** A `story_articles` row as SQLite returns the columns of `STORY_ARTICLE_COLUMNS`. */
export interface StoryArticleRecord {
  article_id: string;
  story_id: string;
  published: string;
  level: number;
  fatalities: number;
  de_escalation: number;
  near_duplicate: number;
  reasons: string;
}

export const STORY_ARTICLE_COLUMNS =
  'sa.article_id, sa.story_id, sa.published, sa.level, sa.fatalities, sa.de_escalation, sa.near_duplicate, sa.reasons';

export function toSeverityRow(row: StoryArticleRecord): ArticleSeverityRow {
  return {
    articleId: row.article_id,
    storyId: row.story_id,
    published: row.published,
    level: row.level,
    fatalities: row.fatalities,
    deEscalation: row.de_escalation === 1,
    nearDuplicate: row.near_duplicate === 1,
    reasons: JSON.parse(row.reasons) as string[],
  };
}

export function topicArticleSeverities(
  db: Database,
  terms: readonly string[],
  from: string,
  to: string,
): ArticleSeverityRow[] {
  const match = ftsMatch(terms);
  if (match === null) return [];
  return db
    .prepare<[string, string, string], StoryArticleRecord>(
      `SELECT ${STORY_ARTICLE_COLUMNS}
       FROM articles_fts f JOIN articles a ON a.seq = f.rowid
       JOIN story_articles sa ON sa.article_id = a.id
       WHERE articles_fts MATCH ? AND a.published >= ? AND a.published <= ?
       ORDER BY sa.published`,
    )
    .all(match, from, to)
    .map(toSeverityRow);
}
