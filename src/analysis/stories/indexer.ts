import type { Database, Statement } from 'better-sqlite3';
import type { Analysis } from '../analysis.ts';
import type { StoryUpdate } from '../story-update.ts';
import { severityOf } from '../severity.ts';
import type { Article } from '../../corpus/article.ts';
import type { Indexer } from '../../corpus/ingest.ts';
import {
  bagOf,
  contentTokens,
  cosine,
  entityKeys,
  eventKeys,
  jaccard,
  topicsOf,
} from './features.ts';
import { fromHex, hammingDistance, simhash, toHex } from './simhash.ts';
import type { StoryRow } from './schema.ts';

/** Tuning of story clustering; the defaults follow notes/escalation.md § 4a. */
export interface StoryOptions {
  /** Join a story when the best similarity reaches this (0-1). */
  threshold: number;
  /**
   * Most differing SimHash bits for a near-duplicate (syndicated copy). Unrelated texts differ
   * in about 32 of 64 bits; a copy with an edited headline or sentence in a few.
   */
  nearDuplicateBits: number;
  /** Width of the Gaussian time decay, in days. */
  sigmaDays: number;
  /** How far apart in time a story can still take an article, in days. */
  windowDays: number;
  /** Weight of title+lead word similarity against shared place/actor keys. */
  textWeight: number;
}

export const defaultStoryOptions: StoryOptions = {
  threshold: 0.25,
  nearDuplicateBits: 6,
  sigmaDays: 3,
  windowDays: 7,
  textWeight: 0.6,
};

/** Candidate stories per article and members compared per story: bounds the work per ingest. */
const MAX_CANDIDATES = 40;
const MAX_MEMBERS = 12;
const MAX_REASONS = 5;
const DAY_MS = 86_400_000;
/** Undrained updates kept (oldest dropped first), so a process that never drains stays small. */
const MAX_PENDING = 10_000;

export interface StoryIndexer {
  /** Pass to `createIngester({ indexers })`: runs inside each new article's transaction. */
  index: Indexer;
  /**
   * The updates produced since the last call, in ingest order, and forgets them. Call after
   * `ingestArticles`/`ingestPaths` returns, when the transactions have committed. At most the
   * latest 10,000 undrained updates are kept.
   */
  drain(): StoryUpdate[];
}

interface MemberRow {
  published: string;
  simhash: string;
  tokens: string;
  keys: string;
}

/**
 * Assigns each ingested article to a story and keeps the story's level, deaths and outlet count
 * up to date, producing one `StoryUpdate` per article. A near-duplicate (SimHash) joins the
 * story of its original and counts as another outlet, not another report. Otherwise the article
 * joins the most similar recent story sharing a place, actor or title word with it, scored as
 * (textWeight x cosine of title+lead words + (1 - textWeight) x Jaccard of place/actor keys)
 * x exp(-dt^2 / 2 sigma^2), or joins outright when both report the same kind of serious
 * incident at the same town (`eventKeys`); below the threshold it opens a new story.
 *
 * `onUpdate`, if given, is called with each update inside the article's transaction (it must
 * not do slow I/O); updates also queue for `drain()`.
 */
export function createStoryIndexer(
  db: Database,
  options: Partial<StoryOptions> & { onUpdate?: (update: StoryUpdate) => void } = {},
): StoryIndexer {
  const config = { ...defaultStoryOptions, ...options };
  const pending: StoryUpdate[] = [];

  const getStory = db.prepare<[string], StoryRow>('SELECT * FROM stories WHERE id = ?');
  const members = db.prepare<[string, number], MemberRow>(
    `SELECT published, simhash, tokens, keys FROM story_articles WHERE story_id = ?
     ORDER BY published DESC LIMIT ?`,
  );
  const insertStory = db.prepare(`INSERT INTO stories
    (id, title, first_seen, last_seen, level, fatalities, injured, outlets, articles, topics, reasons, de_escalation)
    VALUES (@id, @title, @first_seen, @last_seen, @level, @fatalities, @injured, @outlets, @articles, @topics, @reasons, @de_escalation)`);
  const updateStory = db.prepare(`UPDATE stories SET first_seen = @first_seen,
    last_seen = @last_seen, level = @level, fatalities = @fatalities, injured = @injured,
    outlets = @outlets, articles = @articles, topics = @topics, reasons = @reasons,
    de_escalation = @de_escalation WHERE id = @id`);
  const insertMember = db.prepare(`INSERT INTO story_articles
    (article_id, story_id, published, outlet, simhash, near_duplicate, level, fatalities,
     de_escalation, reasons, tokens, keys)
    VALUES (@article_id, @story_id, @published, @outlet, @simhash, @near_duplicate, @level,
     @fatalities, @de_escalation, @reasons, @tokens, @keys)`);
  const countOutlets = db.prepare<[string], { n: number }>(
    'SELECT count(DISTINCT lower(outlet)) AS n FROM story_articles WHERE story_id = ?',
  );
  const setOutlets = db.prepare('UPDATE stories SET outlets = ? WHERE id = ?');
  const upsertKey = db.prepare(`INSERT INTO story_keys (key, story_id, last_seen) VALUES (?, ?, ?)
    ON CONFLICT (key, story_id) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)`);

  /** The candidate query for each number of keys, prepared once. */
  const candidateQueries = new Map<number, Statement<unknown[], { id: string }>>();
  function candidates(keys: readonly string[], published: string): string[] {
    if (keys.length === 0) return [];
    const at = Date.parse(published);
    const from = new Date(at - config.windowDays * DAY_MS).toISOString();
    const to = new Date(at + config.windowDays * DAY_MS).toISOString();
    let query = candidateQueries.get(keys.length);
    if (!query) {
      const marks = keys.map(() => '?').join(', ');
      query = db.prepare<unknown[], { id: string }>(
        `SELECT k.story_id AS id FROM story_keys k JOIN stories s ON s.id = k.story_id
         WHERE k.key IN (${marks}) AND k.last_seen >= ? AND s.first_seen <= ?
         GROUP BY k.story_id ORDER BY count(*) DESC, max(k.last_seen) DESC LIMIT ?`,
      );
      candidateQueries.set(keys.length, query);
    }
    return query.all(...keys, from, to, MAX_CANDIDATES).map((row) => row.id);
  }

  function index(article: Article, analysis: Analysis): void {
    const severity = severityOf(analysis.events);
    const tokens = contentTokens(article.title, article.body);
    const bag = bagOf(tokens);
    const entities = entityKeys(article.title, article.body, analysis);
    const incidents = eventKeys(analysis);
    const titleWords = [...new Set(contentTokens(article.title, ''))].map((word) => `word:${word}`);
    // Body only: syndicated copies often carry a rewritten headline over the same text.
    const fingerprint = simhash(article.body.trim() ? article.body : article.title);
    const at = Date.parse(article.published);

    let best: { id: string; score: number; duplicate: boolean } | null = null;
    for (const id of candidates([...entities, ...incidents, ...titleWords], article.published)) {
      for (const member of members.all(id, MAX_MEMBERS)) {
        const bits = hammingDistance(fingerprint, fromHex(member.simhash));
        if (bits <= config.nearDuplicateBits) {
          best = { id, score: 1, duplicate: true };
          break;
        }
        const days = (at - Date.parse(member.published)) / DAY_MS;
        const decay = Math.exp(-(days * days) / (2 * config.sigmaDays * config.sigmaDays));
        const text = cosine(bag, bagOf(member.tokens.split(' ')));
        const memberKeys = member.keys ? member.keys.split(' ') : [];
        const shared = jaccard(
          entities,
          memberKeys.filter((key) => !key.startsWith('event:')),
        );
        let score = (config.textWeight * text + (1 - config.textWeight) * shared) * decay;
        // The same kind of serious incident at the same town within the window is one story.
        if (incidents.some((key) => memberKeys.includes(key)))
          score = Math.max(score, config.threshold);
        if (score >= config.threshold && (!best || score > best.score))
          best = { id, score, duplicate: false };
      }
      if (best?.duplicate) break;
    }

    const topics = topicsOf(article.title, article.body);
    const existing = best ? getStory.get(best.id) : undefined;
    const nearDuplicate = best?.duplicate ?? false;
    const storyId = existing?.id ?? `story-${article.id}`;
    const previousLevel = existing?.level ?? 0;
    const previousFatalities = existing?.fatalities ?? 0;
    const level = Math.max(previousLevel, severity.level);
    const oldReasons = existing ? (JSON.parse(existing.reasons) as string[]) : [];
    // A report that raises the level or the toll leads the story: its reasons come first and
    // its headline becomes the story's; otherwise the story keeps what set it.
    const raises =
      !existing || severity.level > previousLevel || severity.fatalities > previousFatalities;
    const reasons = [
      ...new Set(
        raises ? [...severity.reasons, ...oldReasons] : [...oldReasons, ...severity.reasons],
      ),
    ].slice(0, MAX_REASONS);
    const row: StoryRow = {
      id: storyId,
      title: existing && !raises ? existing.title : article.title,
      first_seen:
        existing && existing.first_seen < article.published
          ? existing.first_seen
          : article.published,
      last_seen:
        existing && existing.last_seen > article.published ? existing.last_seen : article.published,
      level,
      fatalities: Math.max(previousFatalities, severity.fatalities),
      injured: Math.max(existing?.injured ?? 0, severity.injured),
      outlets: 0,
      articles: (existing?.articles ?? 0) + (nearDuplicate ? 0 : 1),
      topics: [
        ...new Set([...(existing?.topics.split(' ').filter(Boolean) ?? []), ...topics]),
      ].join(' '),
      reasons: JSON.stringify(reasons),
      de_escalation: existing?.de_escalation || severity.deEscalation ? 1 : 0,
    };
    if (existing) updateStory.run(row);
    else insertStory.run(row);
    insertMember.run({
      article_id: article.id,
      story_id: storyId,
      published: article.published,
      outlet: article.outlet,
      simhash: toHex(fingerprint),
      near_duplicate: nearDuplicate ? 1 : 0,
      level: severity.level,
      fatalities: severity.fatalities,
      de_escalation: severity.deEscalation ? 1 : 0,
      reasons: JSON.stringify(severity.reasons),
      tokens: tokens.join(' '),
      keys: [...entities, ...incidents].join(' '),
    });

    row.outlets = countOutlets.get(storyId)?.n ?? 1;
    setOutlets.run(row.outlets, storyId);
    for (const key of [...entities, ...incidents, ...titleWords])
      upsertKey.run(key, storyId, article.published);

    const update: StoryUpdate = {
      storyId,
      articleId: article.id,
      topics,
      title: row.title,
      published: article.published,
      isNewStory: !existing,
      nearDuplicate,
      previousLevel,
      level,
      previousFatalities,
      fatalities: row.fatalities,
      deEscalation: severity.deEscalation,
      reasons,
    };
    pending.push(update);
    if (pending.length > MAX_PENDING) pending.shift();
    options.onUpdate?.(update);
  }

  return {
    index,
    drain: () => pending.splice(0, pending.length),
  };
}
