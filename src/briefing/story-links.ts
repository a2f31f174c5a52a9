import type { Database } from 'better-sqlite3';
import {
  STORY_ARTICLE_COLUMNS,
  toSeverityRow,
  type ArticleSeverityRow,
  type StoryArticleRecord,
} from '../analysis/stories/read.ts';

/** An article's place in the events analysis: its severity row and its story. */
export interface StoryLink extends ArticleSeverityRow {
  storyTitle: string;
  storyLevel: number;
}

interface Row extends StoryArticleRecord {
  title: string;
  story_level: number;
}

/**
 * The story and severity of each given article, read from the events analysis's story index by
 * article id (an indexed lookup per article, so a briefing's cost stays bounded). Articles the
 * index never saw are absent; without the story tables the map is empty and the briefing shows
 * severity and escalation as unknown.
 */
export function storyLinks(db: Database, articleIds: readonly string[]): Map<string, StoryLink> {
  const links = new Map<string, StoryLink>();
  if (articleIds.length === 0) return links;
  const present = db
    .prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('stories', 'story_articles')",
    )
    .get();
  if (present?.n !== 2) return links;
  const rows = db
    .prepare<[string], Row>(
      `SELECT ${STORY_ARTICLE_COLUMNS}, s.title, s.level AS story_level
       FROM story_articles sa JOIN stories s ON s.id = sa.story_id
       WHERE sa.article_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(articleIds));
  for (const row of rows) {
    links.set(row.article_id, {
      ...toSeverityRow(row),
      storyTitle: row.title,
      storyLevel: row.story_level,
    });
  }
  return links;
}
