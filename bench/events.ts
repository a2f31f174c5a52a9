/**
 * Events + story indexing cost per article with 10,000 articles already stored: the part of the
 * inbox-to-alert path that issue 4 adds. Fills a `:memory:` app with synthetic conflict reports
 * (varied places, actors, events and days so stories stay realistic), then times ingesting
 * further articles one by one: analysis (with event detection), then store insert and story
 * assignment in one transaction, as the ingester does.
 */
import { analyzeArticle } from '../src/analysis/analyze.ts';
import { storyFeatures } from '../src/analysis/stories/features.ts';
import type { ArticleInput } from '../src/corpus/article.ts';
import { fixedClock } from '../src/core/clock.ts';
import { createApp } from '../src/main.ts';

const STORED = 10_000;
const MEASURED = 300;

const PLACES = [
  'Banjska',
  'Zvečan',
  'Leposavić',
  'Zubin Potok',
  'North Mitrovica',
  'Jarinje',
  'Stepanakert',
  'Goris',
  'Lachin',
  'Raška',
  'Brnjak',
  'Rudare',
];
const ACTORS = [
  'Kosovo police',
  'Serbian troops',
  'KFOR soldiers',
  'armed men',
  'local Serbs',
  'Azerbaijani forces',
  'Armenian officials',
  'EU envoys',
];
const EVENTS = [
  (a: string, p: string) => `${a} exchanged fire with gunmen near ${p} on Sunday, officials said.`,
  (a: string, p: string) => `${a} massed near ${p} as tension rose along the border.`,
  (a: string, p: string) => `Residents blocked the road to ${p} with trucks while ${a} watched.`,
  (a: string, p: string) => `Two people were killed when ${a} came under attack in ${p}.`,
  (a: string, p: string) => `${a} met mediators in ${p} and agreed to a ceasefire.`,
  (a: string, p: string) => `${a} threatened to send more units to ${p} if the clashes continued.`,
];
const FILLER = [
  'The interior ministry said an investigation had been opened.',
  'Diplomats in Brussels called on both sides to show restraint.',
  'Schools in the area stayed closed and traffic was diverted.',
  'Officials in Pristina and Belgrade gave conflicting accounts of what happened.',
  'Witnesses described hearing shots for about an hour.',
];

function synthetic(n: number): ArticleInput {
  const pick = <T>(list: readonly T[], salt: number) =>
    list[(n * 7919 + salt * 104729) % list.length]!;
  const place = pick(PLACES, 1);
  const actor = pick(ACTORS, 2);
  const lead = pick(EVENTS, 3)(actor, place);
  const day = new Date(Date.UTC(2023, 0, 1) + (n % 365) * 86_400_000 + (n % 24) * 3_600_000);
  return {
    title: `${place}: report ${n} on ${actor}`,
    body: [lead, pick(FILLER, 4), pick(FILLER, 5), `Report number ${n} from ${place}.`].join(' '),
    outlet: `Outlet ${n % 17}`,
    url: `https://bench.example/${n}`,
    published: day.toISOString(),
    tags: [],
    lang: 'en',
    origin: 'bench',
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;
const round = (value: number) => Math.round(value * 100) / 100;

/**
 * `size` is the harness's `--size`: a smaller run (the bench's own test) stores and times at
 * most that many articles instead.
 */
export async function run(options: { size?: number } = {}): Promise<Record<string, unknown>> {
  const stored = Math.min(STORED, options.size ?? STORED);
  const measured = Math.min(MEASURED, options.size ?? MEASURED);
  const app = createApp({ db: ':memory:', clock: fixedClock('2024-01-01T00:00:00Z') });
  const fillStart = performance.now();
  const batch: ArticleInput[] = [];
  for (let n = 0; n < stored; n++) batch.push(synthetic(n));
  app.ingester.ingestArticles(batch);
  app.stories.drain();
  const fillMs = performance.now() - fillStart;

  // The same steps as the ingester (analysis, then store insert and story indexing in one
  // transaction), timed apart.
  const analyzeMs: number[] = [];
  const storyMs: number[] = [];
  const totalMs: number[] = [];
  for (let n = stored; n < stored + measured; n++) {
    const input = synthetic(n);
    const start = performance.now();
    const analysis = analyzeArticle(input);
    const analyzed = performance.now();
    let indexed = 0;
    app.store.transaction(() => {
      const result = app.store.addArticle(input, analysis);
      if (result.status !== 'added') throw new Error(`bench article ${n} was not added`);
      const story = storyFeatures(result.article, analysis);
      const before = performance.now();
      app.stories.index(result.article, { story });
      indexed = performance.now() - before;
    });
    totalMs.push(performance.now() - start);
    analyzeMs.push(analyzed - start);
    storyMs.push(indexed);
  }
  const updates = app.stories.drain();
  const stories = (app.store.db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number })
    .n;
  app.close();
  return {
    storedArticles: stored,
    storiesAfterFill: stories,
    fillSeconds: round(fillMs / 1000),
    measuredArticles: measured,
    updatesProduced: updates.length,
    ingestMedianMs: round(median(totalMs)),
    ingestP95Ms: round(p95(totalMs)),
    analyzeMedianMs: round(median(analyzeMs)),
    storyIndexMedianMs: round(median(storyMs)),
    storyIndexP95Ms: round(p95(storyMs)),
  };
}
