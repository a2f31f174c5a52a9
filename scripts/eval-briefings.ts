/**
 * One-week briefings and a long timeline on real war coverage: ingests dev-data/gaza-news oldest
 * first through the bot's ingest path (analysis, story indexer), up to the end of each given
 * day in turn, and prints the developments of `/briefing <topic>` and the lines of
 * `/timeline <topic> 60` as of then:
 *
 *   npm run eval:briefings [-- <gaza-news folder> [topic] [day ...]]
 *
 * Read them as an analyst would: at most 8 developments a week, no event twice, each placed on
 * its day and rated by what it reports; the timeline at most about 70 lines with the period's
 * major events on it.
 */
import { buildBriefing } from '../src/briefing/briefing-view.ts';
import { buildTimeline } from '../src/briefing/timeline-view.ts';
import { createApp } from '../src/main.ts';
import { devFolder, readDevArticles } from './dev-articles.ts';

const DEFAULT_DAYS = [
  '2023-12-20',
  '2024-01-30',
  '2024-03-01',
  '2024-04-06',
  '2024-05-30',
  '2024-06-10',
];
const folder = devFolder('gaza-news', process.argv[2]);
const topic = process.argv[3] ?? 'gaza';
const days = process.argv.length > 4 ? process.argv.slice(4) : DEFAULT_DAYS;
const articles = readDevArticles(folder);
const app = createApp({ db: ':memory:', analysisThreads: 2 });
process.stderr.write(`ingesting ${articles.length} articles (analysis included)...\n`);

const endOf = (day: string) => new Date(`${day}T23:59:59.999Z`);
// Ingested up to each day asked about in turn, as a running bot would have it: a story's
// title, level and day are what its reports up to then made them.
let ingested = 0;
for (const day of [...days].sort()) {
  const upTo = articles.findIndex(
    (article) => Date.parse(article.published) > endOf(day).getTime(),
  );
  const end = upTo === -1 ? articles.length : upTo;
  await app.ingester.ingestStream(articles.slice(ingested, end));
  ingested = end;
  const { view } = buildBriefing(app.store, topic, endOf(day));
  console.log(
    `/briefing ${topic} as of ${day} (${view.window.from.slice(0, 10)} to ${view.window.to.slice(0, 10)}): ` +
      `level ${String(view.escalation.level)}, ${view.developments.length} developments`,
  );
  for (const line of view.developments)
    console.log(`  ${line.date.slice(0, 10)} ${String(line.severity ?? '-')}  ${line.text}`);
  const timeline = buildTimeline(app.store, topic, endOf(day), 60);
  console.log(
    `/timeline ${topic} 60 as of ${day}: ${timeline.stories.length} lines of ${timeline.totalStories} stories`,
  );
  for (const line of timeline.stories)
    console.log(`  ${line.date.slice(0, 10)} ${String(line.severity ?? '-')}  ${line.text}`);
  console.log('');
}
app.close();
