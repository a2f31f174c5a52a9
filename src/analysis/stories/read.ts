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
  /** How many of its articles on the topic were published in the window. */
  reports: number;
  /** How many of those are centrally about the topic (not passing mentions). */
  central: number;
  /** Distinct outlets among them. */
  windowOutlets: number;
  /** Of its reports in the window, how many are transcripts, which rate no event. */
  records: number;
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
      `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'
       AND name IN ('stories', 'story_articles', 'story_window')`,
    )
    .get();
  return row?.n === 3;
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
  reports: number;
  central: number;
  window_outlets: number;
  records: number;
}

/**
 * The stories with at least one article on the topic in [from, to] (inclusive ISO bounds), with
 * what the window holds of each: one aggregate over the topic's articles of the window, each
 * joined by `seq` to its small `story_window` row (never to the article's or `story_articles`'
 * rows, kilobytes each), so a month of a busy topic costs a few milliseconds. An article counts
 * as central when its story index row lists the topic among the ones it is centrally about
 * (rows indexed before that was recorded, or before the topic was known, count as central). A
 * topic made of the user's own words has no such record, so each article that matches it
 * counts as central. Ordered by first report.
 */
export function windowStories(db: Database, topic: Topic, from: string, to: string): WindowStory[] {
  const source = topicArticlesSql(topic);
  if (!source || !hasStories(db)) return [];
  return db
    .prepare<[Record<string, string | number>], WindowRow>(
      `SELECT s.*, w.reports, w.central, w.window_outlets, w.records FROM (
         SELECT m.story_id, count(*) AS reports,
           sum(@known = '0' OR m.topics IS NULL OR m.seq <= @since
             OR instr(' ' || m.topics || ' ', ' ' || @topicKey || ' ') > 0) AS central,
           count(DISTINCT m.outlet) AS window_outlets,
           sum(m.kind_rank = ${HEADLINE_RANK.record}) AS records
         FROM (${source.sql}) t
         JOIN story_window m ON m.seq = t.seq
         GROUP BY m.story_id) w
       JOIN stories s ON s.id = w.story_id
       ORDER BY s.first_seen, s.id`,
    )
    .all({
      ...source.params,
      topicKey: topic.key,
      known: topic.known ? '1' : '0',
      since: topicSince(db, topic),
      from,
      to,
    })
    .map((row) => ({
      ...toView(row),
      reports: row.reports,
      central: row.central,
      windowOutlets: row.window_outlets,
      records: row.records,
    }));
}

/** The last article stored before a known topic's terms were recorded (0 for any other). */
function topicSince(db: Database, topic: Topic): number {
  if (!topic.known) return 0;
  return (
    db
      .prepare<[string], { since_seq: number }>('SELECT since_seq FROM topic_terms WHERE topic = ?')
      .get(topic.key)?.since_seq ?? 0
  );
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
        ? `SELECT substr(t.published, 1, 10) AS day, m.level AS level, count(*) AS n
           FROM (${source.sql}) t LEFT JOIN story_window m ON m.seq = t.seq
           GROUP BY day, m.level`
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
  /** The article's place in ingest order: what orders reports of the same instant. */
  seq: number;
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
  seq: number;
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
  sa.near_duplicate, (SELECT seq FROM articles WHERE id = sa.article_id) AS seq, coalesce(nullif(sa.headline, ''),
    (SELECT title FROM articles WHERE id = sa.article_id)) AS headline`;

const toMember = (row: MemberRow): StoryMember => ({
  storyId: row.story_id,
  articleId: row.article_id,
  seq: row.seq,
  published: row.published,
  outlet: row.outlet,
  headline: row.headline,
  kind: row.kind as HeadlineKind,
  level: row.level,
  nearDuplicate: row.near_duplicate === 1,
});

/** A topic's window, as `bestReports` filters a story's reports by it. */
export interface ReportWindow {
  topic: Topic;
  from: string;
  to: string;
}

/**
 * The SQL condition that the `story_window` row `m` is an article on the topic, checked row by
 * row: a known topic's index entry, or a full-text match of the user's words on that one row.
 */
function onTopicSql(topic: Topic): { sql: string; params: Record<string, string> } | null {
  if (topic.known)
    return {
      sql: `EXISTS (SELECT 1 FROM article_topics t
              WHERE t.topic = @topic AND t.published = m.published AND t.seq = m.seq)`,
      params: { topic: topic.key },
    };
  const match = ftsMatch(topic.terms);
  if (match === null) return null;
  return {
    sql: 'EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH @match AND rowid = m.seq)',
    params: { match },
  };
}

/** The order of a story's reports, best first, as both `story_window` indexes keep it. */
const BEST_FIRST = 'm.kind_rank DESC, m.level DESC, m.published, m.article_id';

/**
 * The best reports of each given story among its articles on the topic in the window: the
 * reports whose headline is the story's title first, so a line cites the report it shows, then
 * reports before slugs before questions, the gravest, the earliest; at most `perStory` of them,
 * and as many near-duplicate copies after them. Each list is read in that order from an index
 * and stops once it has enough, so a story with thousands of reports in the window costs a few
 * index steps, not a sort of them all.
 */
export function bestReports(
  db: Database,
  window: ReportWindow,
  stories: readonly Pick<WindowStory, 'id' | 'title'>[],
  perStory: number,
): Map<string, StoryMember[]> {
  const best = new Map<string, StoryMember[]>();
  const onTopic = onTopicSql(window.topic);
  if (stories.length === 0 || !onTopic || !hasStories(db)) return best;
  const inWindow = `m.near_duplicate = @copies AND m.published >= @from
    AND m.published <= @to AND ${onTopic.sql}`;
  const titled = db
    .prepare<[Record<string, string | number>], string>(
      `SELECT m.article_id FROM story_window m INDEXED BY story_window_headline
       WHERE m.story_id = @story AND m.headline = @title AND ${inWindow}
       ORDER BY ${BEST_FIRST} LIMIT @limit`,
    )
    .pluck();
  const ranked = db
    .prepare<[Record<string, string | number>], string>(
      `SELECT m.article_id FROM story_window m INDEXED BY story_window_best
       WHERE m.story_id = @story AND ${inWindow}
       ORDER BY ${BEST_FIRST} LIMIT @limit`,
    )
    .pluck();
  const member = db.prepare<[string], MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM story_articles sa WHERE sa.article_id = ?`,
  );
  const params = { ...onTopic.params, from: window.from, to: window.to };
  for (const story of stories) {
    const ids: string[] = [];
    for (const copies of [0, 1]) {
      const query = { ...params, story: story.id, title: story.title, copies };
      const first = titled.all({ ...query, limit: perStory });
      const rest = ranked.all({ ...query, limit: 2 * perStory });
      ids.push(...[...new Set([...first, ...rest])].slice(0, perStory));
    }
    const members = ids
      .map((id) => member.get(id))
      .filter((row): row is MemberRow => row !== undefined)
      .map(toMember);
    if (members.length > 0) best.set(story.id, members);
  }
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
