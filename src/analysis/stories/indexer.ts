import type { Database, Statement } from 'better-sqlite3';
import type { StoryUpdate } from '../story-update.ts';
import { cosine, termVector, type TermVector } from '../terms.ts';
import type { Article } from '../../corpus/article.ts';
import { isTopicName, weighTerms, type StoryFeatures } from './features.ts';
import { HEADLINE_RANK, headlineKind } from './headline.ts';
import { fromHex, hammingDistance } from './simhash.ts';
import type { StoryRow } from './schema.ts';
import { answersAttack, decodeRoles, elsewhere, encodeRoles, type AttackRoles } from './roles.ts';
import { isOfficialDocument } from './official-titles.ts';
import { headlineLevel } from './signal.ts';
import { createTermStats } from './term-stats.ts';

/** Tuning of story clustering (see docs/briefing.md, "Stories"). */
export interface StoryOptions {
  /**
   * Join a story when the article's mean time-weighted similarity to its recent reports reaches
   * this. Low on purpose: the similarity is a cosine of distinctive terms times a time decay,
   * and reports of one event from different angles share few words beyond its names.
   */
  threshold: number;
  /**
   * Most differing SimHash bits for a near-duplicate (syndicated copy). Unrelated texts differ
   * in about 32 of 64 bits; a copy with an edited headline or sentence in a few.
   */
  nearDuplicateBits: number;
  /** Width of the Gaussian decay of similarity with the days between two reports. */
  sigmaDays: number;
  /**
   * How long after its first report a story still takes articles, in days: one event's news,
   * reactions and analysis come within days; a later report on it is a development of its own.
   */
  maxSpanDays: number;
}

export const defaultStoryOptions: StoryOptions = {
  threshold: 0.05,
  nearDuplicateBits: 6,
  sigmaDays: 2,
  maxSpanDays: 7,
};

/** Terms kept in an article's vector. */
const ARTICLE_TERMS = 40;
/**
 * An article's heaviest terms, filed as keys to find candidate stories. A new report looks
 * stories up by all its terms, not only its heaviest: a piece on the victims of a strike is
 * led by their names, and meets the strike's story only on the words it shares lower down
 * ("charity", "convoy"), which average link then weighs.
 */
const KEY_TERMS = 10;
/** Candidate stories per article, and the recent reports of each it is compared with. */
const MAX_CANDIDATES = 30;
const MAX_MEMBERS = 12;
const MAX_REASONS = 5;
const DAY_MS = 86_400_000;
/**
 * Parsed article vectors kept in memory: stories compare with the same recent reports again and
 * again. A new article meets the reports of at most seven days (some 2,000 articles at 100,000
 * a year); 20,000 vectors held about 75 MB. A vector not kept is read again from its row.
 */
const VECTOR_CACHE = 8_000;
/**
 * Stories whose recent reports are kept in memory: each new article compares with the recent
 * reports of up to 30 candidate stories, read from `story_articles` one story at a time. A week's
 * stories at 100,000 articles a year are some 2,000.
 */
const MEMBER_CACHE = 2_000;
/** Story titles whose headline level is kept: a busy story's title is weighed again by every report. */
const TITLE_LEVELS = 10_000;
/** Undrained updates kept (oldest dropped first), so a process that never drains stays small. */
const MAX_PENDING = 10_000;

export interface StoryIndexer {
  /**
   * Pass to `createIngester({ indexers })`: runs inside each new article's transaction, with the
   * article's `storyFeatures` (computed on an analysis thread in a parallel ingest).
   */
  index(article: Article, prepared: { story: StoryFeatures }): void;
  /**
   * The updates produced since the last call, in ingest order, and forgets them. Call after
   * `ingestArticles`/`ingestPaths` returns, when the transactions have committed: the updates
   * of articles whose transaction rolled back are left out. At most the latest 10,000
   * undrained updates are kept.
   */
  drain(): StoryUpdate[];
}

interface MemberRow {
  story_id: string;
  article_id: string;
  published: string;
  simhash: string;
  roles: string;
  kind: string;
  headline: string;
}

/** A recent report of a story as closestStory compares with it. */
interface Member {
  storyId: string;
  articleId: string;
  published: string;
  fingerprint: bigint;
  roles: AttackRoles | null;
  /** A transcript's report: it shares its story only with copies of itself. */
  record: boolean;
  /** An official document's (`isOfficialDocument`): never compared with another. */
  official: boolean;
}

const memberOfRow = (row: MemberRow): Member => ({
  storyId: row.story_id,
  articleId: row.article_id,
  published: row.published,
  fingerprint: fromHex(row.simhash),
  roles: row.roles ? decodeRoles(row.roles) : null,
  record: row.kind === 'record',
  official: isOfficialDocument(row.headline),
});

/** An article's term vector as `story_articles.tokens` keeps it: JSON `[term, weight][]`. */
const encodeVector = (vector: TermVector) =>
  JSON.stringify(
    [...vector.weights].map(([term, weight]) => [term, Math.round(weight * 1000) / 1000]),
  );
/** Rows indexed before vectors were stored hold plain words: those compare as empty. */
const decodeVector = (json: string): TermVector =>
  termVector(new Map(json.startsWith('[') ? (JSON.parse(json) as [string, number][]) : []));

/** The day of a story's event after a report of `level` published at `published`. */
function peakSeen(existing: StoryRow | undefined, level: number, published: string): string {
  if (!existing || level > existing.level) return published;
  const peak = existing.peak_seen ?? existing.first_seen;
  return level === existing.level && published < peak ? published : peak;
}

/**
 * Assigns each ingested article to a story, one story per event, and keeps the story's level,
 * deaths and outlet count up to date, producing one `StoryUpdate` per article.
 *
 * An article is a TF-IDF vector of its title, lead and the names in them (`storyTerms`), with
 * document frequencies counted over the corpus as it grows (`term-stats.ts`): the words every
 * report on a war shares weigh little, the ones that tell an event apart (a hospital, a
 * commander, "hostages", "convoy") weigh much. Its similarity to a story is the mean, over the
 * story's 12 most recent reports, of the cosine times a Gaussian decay of the days between them
 * (average link: a report must resemble the story, not just one of its members, so a war's
 * daily coverage does not chain into one story). It joins the most similar story that began at
 * most `maxSpanDays` before, when that reaches the threshold; otherwise it opens a story.
 * Candidates are the stories that filed one of its terms as a key (`story_keys`), most shared
 * keys first. A near-duplicate
 * (SimHash) joins its original's story and counts as another outlet, not another report.
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
  const stats = createTermStats(db);
  const vectors = new Map<string, TermVector>();

  const getStory = db.prepare<[string], StoryRow>('SELECT * FROM stories WHERE id = ?');
  // Both by index on `story_window`: a scan of a busy story's `story_articles` rows read
  // thousands of them for each new report at a million articles.
  const titleReport = db.prepare<[string, string], { kind_rank: number; level: number }>(
    'SELECT kind_rank, level FROM story_window WHERE story_id = ? AND headline = ? ORDER BY published LIMIT 1',
  );
  // One story at a time, newest first: `story_articles_story` gives its latest reports without
  // reading the rest (a window function over all candidates' reports read every one of them, a
  // busy story's hundreds, and cost more than the rest of indexing). Reports published at the
  // same instant come in the order they were stored.
  const recentMembers = db.prepare<[string, number], MemberRow>(
    `SELECT story_id, article_id, published, simhash, roles, kind, headline FROM story_articles
     WHERE story_id = ? ORDER BY published DESC, rowid LIMIT ?`,
  );
  const vectorOf = db.prepare<[string], { tokens: string }>(
    'SELECT tokens FROM story_articles WHERE article_id = ?',
  );
  const stored = db
    .prepare<[string], number>('SELECT 1 FROM story_articles WHERE article_id = ?')
    .pluck();
  const insertStory = db.prepare(`INSERT INTO stories
    (id, title, first_seen, last_seen, peak_seen, level, fatalities, injured, outlets, articles, topics, reasons, de_escalation)
    VALUES (@id, @title, @first_seen, @last_seen, @peak_seen, @level, @fatalities, @injured, @outlets, @articles, @topics, @reasons, @de_escalation)`);
  const updateStory = db.prepare(`UPDATE stories SET title = @title, first_seen = @first_seen,
    last_seen = @last_seen, peak_seen = @peak_seen, level = @level, fatalities = @fatalities, injured = @injured,
    outlets = @outlets, articles = @articles, topics = @topics, reasons = @reasons,
    de_escalation = @de_escalation WHERE id = @id`);
  const insertMember = db.prepare(`INSERT INTO story_articles
    (article_id, story_id, published, outlet, simhash, near_duplicate, level, fatalities,
     de_escalation, reasons, tokens, keys, headline, kind, topics, roles)
    VALUES (@article_id, @story_id, @published, @outlet, @simhash, @near_duplicate, @level,
     @fatalities, @de_escalation, @reasons, @tokens, @keys, @headline, @kind, @topics, @roles)`);
  const insertWindowRow = db.prepare(`INSERT INTO story_window
    (seq, story_id, article_id, published, outlet, level, near_duplicate, kind_rank, headline, topics)
    SELECT seq, @story_id, id, @published, lower(@outlet), @level, @near_duplicate, @kind_rank,
      @headline, @topics FROM articles WHERE id = @article_id`);
  // A story's outlets are counted as they come: the count of distinct outlets (folded as
  // SQLite's lower() folds them) goes up by one when a report's outlet is new to the story.
  const outletKnown = db
    .prepare<[string, string], number>(
      'SELECT 1 FROM story_window WHERE story_id = ? AND outlet = lower(?) LIMIT 1',
    )
    .pluck();
  const upsertKey = db.prepare(`INSERT INTO story_keys (key, story_id, last_seen) VALUES (?, ?, ?)
    ON CONFLICT (key, story_id) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)`);

  /** The candidate query for each number of keys, prepared once. */
  const candidateQueries = new Map<number, Statement<unknown[], { id: string }>>();
  function candidates(keys: readonly string[], published: string): string[] {
    if (keys.length === 0) return [];
    const from = new Date(Date.parse(published) - config.maxSpanDays * DAY_MS).toISOString();
    let query = candidateQueries.get(keys.length);
    if (!query) {
      const marks = keys.map(() => '?').join(', ');
      query = db.prepare<unknown[], { id: string }>(
        `SELECT s.id FROM stories s WHERE s.id IN (
           SELECT k.story_id FROM story_keys k WHERE k.key IN (${marks}) AND k.last_seen >= ?
           GROUP BY k.story_id ORDER BY count(*) DESC, max(k.last_seen) DESC LIMIT ?)
         AND s.first_seen >= ?`,
      );
      candidateQueries.set(keys.length, query);
    }
    return query.all(...keys, from, MAX_CANDIDATES, from).map((row) => row.id);
  }

  const titleLevels = new Map<string, number>();
  /** `headlineLevel` of a story's title, read once while the title stays. */
  function titleLevel(title: string): number {
    return titleLevels.get(title) ?? keepTitleLevel(title, headlineLevel(title));
  }
  function keepTitleLevel(title: string, level: number): number {
    if (titleLevels.size >= TITLE_LEVELS) titleLevels.clear();
    titleLevels.set(title, level);
    return level;
  }

  /** Each kept story's latest reports, newest first, as `recentMembers` reads them. */
  const members = new Map<string, Member[]>();
  function membersOf(storyId: string): Member[] {
    let kept = members.get(storyId);
    if (kept) members.delete(storyId);
    else kept = recentMembers.all(storyId, MAX_MEMBERS).map(memberOfRow);
    members.set(storyId, kept);
    if (members.size > MEMBER_CACHE) members.delete(members.keys().next().value!);
    return kept;
  }
  /**
   * Files a new report with its story's kept reports: after those published at or after it
   * (ties in the order stored), and only while it is among the latest `MAX_MEMBERS`.
   */
  function keepMember(member: Member): void {
    const kept = members.get(member.storyId);
    if (!kept) return;
    const at = kept.findIndex((other) => other.published < member.published);
    kept.splice(at === -1 ? kept.length : at, 0, member);
    if (kept.length > MAX_MEMBERS) kept.length = MAX_MEMBERS;
  }

  /**
   * The article indexed last. Its row is gone when its savepoint or its batch's transaction
   * rolled back after indexing; what memory kept from it must go too.
   */
  let lastIndexed: string | null = null;
  function forgetRolledBack(): void {
    if (lastIndexed === null || stored.get(lastIndexed) !== undefined) return;
    members.clear();
    stats.forget();
    // A batch rolled back whole is written again: its first updates would be drained twice.
    let kept = 0;
    for (const update of pending) if (stored.get(update.articleId) === 1) pending[kept++] = update;
    pending.length = kept;
  }

  /** Keeps a vector, dropping the oldest kept beyond `VECTOR_CACHE`. */
  function remember(articleId: string, vector: TermVector): void {
    vectors.set(articleId, vector);
    if (vectors.size > VECTOR_CACHE) vectors.delete(vectors.keys().next().value!);
  }

  function memberVector(articleId: string): TermVector {
    let vector = vectors.get(articleId);
    if (!vector) {
      vector = decodeVector(vectorOf.get(articleId)?.tokens ?? '');
      remember(articleId, vector);
    }
    return vector;
  }

  /**
   * The story the article joins, or null to open one; a near-duplicate joins outright. A report
   * of an attack on a party that attacked in a story, by none of its attackers, answers that
   * story's attacks and never joins it (`answersAttack`); nor does one whose attacks all happen
   * in other countries than the story's (`elsewhere`).
   *
   * A transcript (`record`) is the record of one occasion, its own event: it joins and takes in
   * only copies of itself. Two gaggles of one spokesman, titled alike, had made one story of a
   * week's briefings. An official document (a statement, a readout) records one occasion too,
   * but may join the news of it: only two official documents are never compared, since one
   * office's readouts share its name, its office and its phrasing whatever meeting they report.
   */
  function closestStory(
    vector: TermVector,
    keys: readonly string[],
    fingerprint: bigint,
    published: string,
    roles: AttackRoles,
    record: boolean,
    official: boolean,
  ): { id: string; duplicate: boolean } | null {
    const ids = candidates(keys, published);
    if (ids.length === 0) return null;
    const at = Date.parse(published);
    const byStory = new Map<
      string,
      { sum: number; n: number; event: boolean; roles: AttackRoles[] }
    >();
    const eventTerms = [...vector.weights.keys()].filter((term) => !isTopicName(term));
    // In the order of their ids, as the stories were always compared: sums are added in the
    // same order, and a report near-duplicating members of two stories joins the same one.
    for (const member of [...ids].sort().flatMap(membersOf)) {
      if (hammingDistance(fingerprint, member.fingerprint) <= config.nearDuplicateBits)
        return { id: member.storyId, duplicate: true };
      if (record || member.record || (official && member.official)) continue;
      const days = (at - Date.parse(member.published)) / DAY_MS;
      const decay = Math.exp(-(days * days) / (2 * config.sigmaDays * config.sigmaDays));
      const tally = byStory.get(member.storyId) ?? { sum: 0, n: 0, event: false, roles: [] };
      const other = memberVector(member.articleId);
      tally.sum += cosine(vector, other) * decay;
      tally.n++;
      tally.event ||= eventTerms.some((term) => other.weights.has(term));
      if (member.roles) tally.roles.push(member.roles);
      byStory.set(member.storyId, tally);
    }
    // A story that shares only the conflict's names with the article is another event of it.
    let best: { id: string; score: number } | null = null;
    for (const [id, { sum, n, event, roles: told }] of byStory)
      if (
        event &&
        sum / n >= config.threshold &&
        (!best || sum / n > best.score) &&
        !answersAttack(roles, told) &&
        !elsewhere(roles, told)
      )
        best = { id, score: sum / n };
    return best && { id: best.id, duplicate: false };
  }

  function index(article: Article, { story: features }: { story: StoryFeatures }): void {
    forgetRolledBack();
    const { signal, topics } = features;
    const { severity, headline } = signal;
    const kind = signal.record ? 'record' : headlineKind(headline);
    const official = isOfficialDocument(headline.text);
    const vector = weighTerms(features.terms, stats.idf, ARTICLE_TERMS);
    const terms = [...vector.weights.keys()];
    const keys = terms.slice(0, KEY_TERMS);
    const fingerprint = fromHex(features.simhash);
    const roles = encodeRoles(signal.roles);
    const best = closestStory(
      vector,
      terms,
      fingerprint,
      article.published,
      signal.roles,
      kind === 'record',
      official,
    );
    stats.add(vector.weights.keys());

    const existing = best ? getStory.get(best.id) : undefined;
    const nearDuplicate = best?.duplicate ?? false;
    const storyId = existing?.id ?? `story-${article.id}`;
    const previousLevel = existing?.level ?? 0;
    const previousFatalities = existing?.fatalities ?? 0;
    const level = Math.max(previousLevel, severity.level);
    const oldReasons = existing ? (JSON.parse(existing.reasons) as string[]) : [];
    // A report that raises the level or the toll leads the story: its reasons come first. Its
    // headline becomes the story's when it is better: of a better kind (a report's over a
    // slug's, a slug's over a question's), then stating a graver event itself ("Charity halts
    // work after strike kills staff" over "Charity founder heartbroken"), then reporting a
    // graver event or toll.
    const raises =
      !existing || severity.level > previousLevel || severity.fatalities > previousFatalities;
    const holder = existing ? titleReport.get(existing.id, existing.title) : undefined;
    const ranks: number[] = [
      HEADLINE_RANK[kind],
      signal.headlineLevel,
      severity.level,
      severity.fatalities,
    ];
    const held: number[] = existing
      ? [
          holder?.kind_rank ?? HEADLINE_RANK.report,
          titleLevel(existing.title),
          holder?.level ?? 0,
          previousFatalities,
        ]
      : [];
    const better = ranks.findIndex((value, index) => value !== held[index]);
    const retitle = !existing || (better !== -1 && ranks[better]! > (held[better] ?? -1));
    const reasons = [
      ...new Set(
        raises ? [...severity.reasons, ...oldReasons] : [...oldReasons, ...severity.reasons],
      ),
    ].slice(0, MAX_REASONS);
    const newOutlet = !existing || outletKnown.get(storyId, article.outlet) === undefined;
    const row: StoryRow = {
      id: storyId,
      title: existing && !retitle ? existing.title : headline.text,
      first_seen:
        existing && existing.first_seen < article.published
          ? existing.first_seen
          : article.published,
      last_seen:
        existing && existing.last_seen > article.published ? existing.last_seen : article.published,
      // The first report at the story's level tells the event; before it came warnings or
      // fears. Reports may come out of order (a feed's backlog, a folder): one published
      // earlier at the same level moves the day back.
      peak_seen: peakSeen(existing, severity.level, article.published),
      level,
      fatalities: Math.max(previousFatalities, severity.fatalities),
      injured: Math.max(existing?.injured ?? 0, severity.injured),
      outlets: (existing?.outlets ?? 0) + (newOutlet ? 1 : 0),
      articles: (existing?.articles ?? 0) + (nearDuplicate ? 0 : 1),
      topics: [
        ...new Set([...(existing?.topics.split(' ').filter(Boolean) ?? []), ...topics]),
      ].join(' '),
      reasons: JSON.stringify(reasons),
      de_escalation: existing?.de_escalation || severity.deEscalation ? 1 : 0,
    };
    // A title the article gives is weighed when the story's next report comes.
    if (row.title === headline.text) keepTitleLevel(row.title, features.titleLevel);
    if (existing) updateStory.run(row);
    else insertStory.run(row);
    insertMember.run({
      article_id: article.id,
      story_id: storyId,
      published: article.published,
      outlet: article.outlet,
      simhash: features.simhash,
      near_duplicate: nearDuplicate ? 1 : 0,
      level: severity.level,
      fatalities: severity.fatalities,
      de_escalation: severity.deEscalation ? 1 : 0,
      reasons: JSON.stringify(severity.reasons),
      tokens: encodeVector(vector),
      keys: keys.join(' '),
      headline: headline.text,
      kind,
      topics: topics.join(' '),
      roles,
    });
    insertWindowRow.run({
      article_id: article.id,
      story_id: storyId,
      published: article.published,
      outlet: article.outlet,
      level: severity.level,
      near_duplicate: nearDuplicate ? 1 : 0,
      kind_rank: HEADLINE_RANK[kind],
      headline: headline.text,
      topics: topics.join(' '),
    });

    for (const key of keys) upsertKey.run(key, storyId, article.published);
    remember(article.id, vector);
    keepMember({
      storyId,
      articleId: article.id,
      published: article.published,
      fingerprint,
      roles: roles ? decodeRoles(roles) : null,
      record: kind === 'record',
      official,
    });
    lastIndexed = article.id;

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
      firstSeen: row.first_seen,
      reports: row.articles,
      outlets: row.outlets,
      report: {
        level: severity.level,
        fatalities: severity.fatalities,
        question: headline.kind === 'question',
      },
    };
    pending.push(update);
    if (pending.length > MAX_PENDING) pending.shift();
    options.onUpdate?.(update);
  }

  return {
    index,
    // An update whose article's transaction rolled back tells of nothing stored.
    drain: () =>
      pending.splice(0, pending.length).filter((update) => stored.get(update.articleId) === 1),
  };
}
