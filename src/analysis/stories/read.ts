import type { Database } from 'better-sqlite3';
import { severityLabel } from '../severity.ts';
import { HEADLINE_RANK, type HeadlineKind } from './headline.ts';
import type { StoryRow } from './schema.ts';
import type { Topic } from '../../corpus/topics.ts';
import type { Article } from '../../corpus/article.ts';
import type { Store } from '../../corpus/store/store.ts';
import { ftsMatch } from '../../corpus/store/fts-query.ts';

/** A story as the briefing's developments, the timeline and the topic's escalation see it. */
export interface StoryView {
  id: string;
  /** The headline of its best report (a report over a slug over a question). */
  title: string;
  /** Its first report. */
  firstSeen: string;
  /**
   * The day of the event: when the report that gave the story its level came. A story opened
   * by warnings ("allies brace for an attack") dates from the attack they feared.
   */
  eventDay: string;
  lastSeen: string;
  /** The highest level its reports give it (0-5), with its label. */
  level: number;
  label: string;
  fatalities: number;
  injured: number;
  /** Distinct outlets that carried it, near-duplicate copies included. */
  outlets: number;
  /** Distinct reports (near-duplicates not counted). */
  articleCount: number;
  /** Topics its reports are centrally about. */
  topics: string[];
  deEscalation: boolean;
  /** What set its level, most severe first: "air strike in Rafah", "45 killed". */
  reasons: string[];
}

/** A story seen from a topic's window: the story plus what the window holds of it. */
export interface WindowStory extends StoryView {
  /** Its articles on the topic published in the window, oldest first. */
  articleIds: string[];
  /** How many of those are centrally about the topic (not passing mentions). */
  central: number;
  /** Distinct outlets among them. */
  windowOutlets: number;
}

function toView(row: StoryRow): StoryView {
  return {
    id: row.id,
    title: row.title,
    firstSeen: row.first_seen,
    eventDay: row.peak_seen ?? row.first_seen,
    lastSeen: row.last_seen,
    level: row.level,
    label: severityLabel(row.level),
    fatalities: row.fatalities,
    injured: row.injured,
    outlets: row.outlets,
    articleCount: row.articles,
    topics: row.topics ? row.topics.split(' ') : [],
    deEscalation: row.de_escalation === 1,
    reasons: JSON.parse(row.reasons) as string[],
  };
}

/** One story by id, or null. */
export function getStory(db: Database, id: string): StoryView | null {
  const row = db.prepare<[string], StoryRow>('SELECT * FROM stories WHERE id = ?').get(id);
  return row ? toView(row) : null;
}

/** The story tables exist (a store opened without the story migrations has none). */
function hasStories(db: Database): boolean {
  const row = db
    .prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('stories', 'story_articles')",
    )
    .get();
  return row?.n === 2;
}

/**
 * The SQL that lists a topic's articles (`seq`, `published`) in [@from, @to]: a range of the
 * topic index for a known topic, a full-text match for one made of the user's words. Null when
 * the words match nothing.
 */
function topicArticlesSql(topic: Topic): { sql: string; params: Record<string, string> } | null {
  if (topic.known)
    return {
      sql: `SELECT seq, published FROM article_topics
            WHERE topic = @topic AND published >= @from AND published <= @to`,
      params: { topic: topic.key },
    };
  const match = ftsMatch(topic.terms);
  if (match === null) return null;
  return {
    sql: `SELECT seq, published FROM articles WHERE published >= @from AND published <= @to
            AND seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match)`,
    params: { match },
  };
}

interface WindowRow extends StoryRow {
  article_ids: string;
  central: number;
  window_outlets: number;
}

/**
 * The stories with at least one article on the topic in [from, to] (inclusive ISO bounds), with
 * what the window holds of each: one aggregate over the topic's articles of the window, so its
 * cost follows the window's coverage, not the corpus. An article counts as central when its
 * story index row lists the topic among the ones it is centrally about (rows indexed before
 * that was recorded count as central). A topic made of the user's own words has no such record,
 * so each article that matches it counts as central. Ordered by first report.
 */
export function windowStories(db: Database, topic: Topic, from: string, to: string): WindowStory[] {
  const source = topicArticlesSql(topic);
  if (!source || !hasStories(db)) return [];
  return db
    .prepare<[Record<string, string>], WindowRow>(
      `SELECT s.*, w.article_ids, w.central, w.window_outlets FROM (
         SELECT sa.story_id,
           group_concat(sa.article_id, ' ') AS article_ids,
           sum(@known = '0' OR sa.topics IS NULL
             OR instr(' ' || sa.topics || ' ', ' ' || @topicKey || ' ') > 0) AS central,
           count(DISTINCT lower(sa.outlet)) AS window_outlets
         FROM (${source.sql} ORDER BY published) t
         JOIN articles a ON a.seq = t.seq
         JOIN story_articles sa ON sa.article_id = a.id
         GROUP BY sa.story_id) w
       JOIN stories s ON s.id = w.story_id
       ORDER BY s.first_seen, s.id`,
    )
    .all({ ...source.params, topicKey: topic.key, known: topic.known ? '1' : '0', from, to })
    .map((row) => ({
      ...toView(row),
      articleIds: row.article_ids.split(' '),
      central: row.central,
      windowOutlets: row.window_outlets,
    }));
}

/** One day of a topic's coverage, for the timeline's chart. */
export interface CoverageDay {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  /** Every article on the topic that day. */
  articles: number;
  /** Of those, how many report at each level 0-5 (index = level); the rest were never scored. */
  byLevel: number[];
}

/**
 * Articles per day on the topic in [from, to], counted by level, with one aggregate query (no
 * article is read): the chart shows the whole window however busy it was.
 */
export function coverageByDay(db: Database, topic: Topic, from: string, to: string): CoverageDay[] {
  const source = topicArticlesSql(topic);
  if (!source) return [];
  const stories = hasStories(db);
  const rows = db
    .prepare<[Record<string, string>], { day: string; level: number | null; n: number }>(
      stories
        ? `SELECT substr(t.published, 1, 10) AS day, sa.level AS level, count(*) AS n
           FROM (${source.sql}) t JOIN articles a ON a.seq = t.seq
           LEFT JOIN story_articles sa ON sa.article_id = a.id
           GROUP BY day, sa.level`
        : `SELECT substr(t.published, 1, 10) AS day, NULL AS level, count(*) AS n
           FROM (${source.sql}) t GROUP BY day`,
    )
    .all({ ...source.params, from, to });
  const days = new Map<string, CoverageDay>();
  for (const row of rows) {
    const day = days.get(row.day) ?? { date: row.day, articles: 0, byLevel: [0, 0, 0, 0, 0, 0] };
    day.articles += row.n;
    if (row.level !== null) day.byLevel[Math.max(0, Math.min(5, row.level))]! += row.n;
    days.set(row.day, day);
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** One report of a story, as a development or a timeline line cites it. */
export interface StoryMember {
  storyId: string;
  articleId: string;
  published: string;
  outlet: string;
  headline: string;
  kind: HeadlineKind;
  level: number;
  nearDuplicate: boolean;
}

interface MemberRow {
  story_id: string;
  article_id: string;
  published: string;
  outlet: string;
  headline: string;
  kind: string;
  level: number;
  near_duplicate: number;
}

// The article's own title only for rows indexed before headlines were kept: reading article
// rows (bodies and all) is what would cost here.
const MEMBER_COLUMNS = `sa.story_id, sa.article_id, sa.published, sa.outlet, sa.kind, sa.level,
  sa.near_duplicate, coalesce(nullif(sa.headline, ''),
    (SELECT title FROM articles WHERE id = sa.article_id)) AS headline`;

const toMember = (row: MemberRow): StoryMember => ({
  storyId: row.story_id,
  articleId: row.article_id,
  published: row.published,
  outlet: row.outlet,
  headline: row.headline,
  kind: row.kind as HeadlineKind,
  level: row.level,
  nearDuplicate: row.near_duplicate === 1,
});

/**
 * The best reports of each given story among the articles the window holds of it
 * (`WindowStory.articleIds`): the report the story's title comes from, so a line cites the
 * report it shows, then reports before slugs before questions, the gravest, the earliest; at
 * most `perStory` of them, and as many near-duplicate copies. One ranked query over those index
 * rows, however many reports a story has outside the window.
 */
export function bestReports(
  db: Database,
  stories: readonly Pick<WindowStory, 'id' | 'articleIds'>[],
  perStory: number,
): Map<string, StoryMember[]> {
  const best = new Map<string, StoryMember[]>();
  if (stories.length === 0 || !hasStories(db)) return best;
  const rows = db
    .prepare<[Record<string, string | number>], MemberRow>(
      `SELECT * FROM (
         SELECT ${MEMBER_COLUMNS}, row_number() OVER (
           PARTITION BY sa.story_id, sa.near_duplicate
           ORDER BY sa.headline = (SELECT title FROM stories WHERE id = sa.story_id) DESC,
             CASE sa.kind WHEN 'report' THEN ${HEADLINE_RANK.report}
             WHEN 'slug' THEN ${HEADLINE_RANK.slug} ELSE ${HEADLINE_RANK.question} END DESC,
             sa.level DESC, sa.published, sa.article_id) AS rank
         FROM story_articles sa
         WHERE sa.article_id IN (SELECT value FROM json_each(@articleIds)))
       WHERE rank <= @perStory ORDER BY near_duplicate, rank`,
    )
    .all({
      articleIds: JSON.stringify(stories.flatMap((story) => story.articleIds)),
      perStory,
    });
  for (const row of rows)
    best.set(row.story_id, [...(best.get(row.story_id) ?? []), toMember(row)]);
  return best;
}

/** A story's reports, oldest first: all of them, or only originals (no near-duplicate copies). */
export function storyReports(
  db: Database,
  storyId: string,
  { limit = 1_000, originalsOnly = false } = {},
): StoryMember[] {
  return db
    .prepare<[string, number, number], MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM story_articles sa
       WHERE sa.story_id = ? AND (? = 0 OR sa.near_duplicate = 0)
       ORDER BY sa.published, sa.article_id LIMIT ?`,
    )
    .all(storyId, originalsOnly ? 1 : 0, limit)
    .map(toMember);
}

/** A story's first reports (not near-duplicate copies), at most `limit`, oldest first. */
export function firstReports(store: Store, storyId: string, limit = 3): Article[] {
  return storyReports(store.db, storyId, { limit, originalsOnly: true })
    .map((member) => store.getArticle(member.articleId))
    .filter((article): article is Article => article !== null);
}
