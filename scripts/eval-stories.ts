/**
 * Story clustering on real war coverage: ingests dev-data/gaza-news (BBC and NPR, December 2023
 * to July 2024) oldest first through the bot's ingest path (analysis on threads, story indexer),
 * prints the largest stories with their titles, and scores the clustering against the
 * hand-labelled pairs of `scripts/data/story-pairs.json` (pairwise precision, recall and F1):
 *
 *   npm run eval:stories [-- <gaza-news folder> [largest]]
 *
 * How the pairs were chosen (by reading the articles): 291 pairs, 185 "same event" and 106
 * "different". Most are hard on purpose. Same event: one event from BBC and NPR (`outlets`),
 * and one event from other angles or days later (`angle`: news, analysis, eyewitness, explainer,
 * reactions, funerals within the week; the hostages shot in Gaza City, the aid convoy deaths,
 * the World Central Kitchen strike, Iran's attack on Israel, the Nuseirat rescue), plus a few
 * near-identical pieces (`copy`). Different events: the same day (`day`: the Maghazi camp strike
 * and the Iranian commander killed in Syria; the ICJ ruling and the UNRWA allegations), the
 * same place or kind of event within a week (`place`: two school strikes three days apart, two
 * recoveries of hostages' bodies a week apart, two UN votes), and cause and response (`sequel`:
 * the Tower 22 drone attack and the US strikes that answered it; a hearing and its ruling).
 * An event's reports are taken to belong together within about a week; pairs whose answer
 * depended on where one draws that line (an announcement and its taking effect) were left out.
 */
import { createApp } from '../src/main.ts';
import { articleKey, devFolder, readDevArticles } from './dev-articles.ts';
import { readPairs, scorePairs } from './story-pairs.ts';

const folder = devFolder('gaza-news', process.argv[2]);
const largest = Number(process.argv[3] ?? 12);
const articles = readDevArticles(folder);
const app = createApp({ db: ':memory:', analysisThreads: 2 });
process.stderr.write(`ingesting ${articles.length} articles (analysis included)...\n`);
const report = await app.ingester.ingestStream(articles);
const rows = app.store.db
  .prepare<[], { outlet: string; published: string; title: string; story_id: string }>(
    `SELECT a.outlet, a.published, a.title, sa.story_id FROM articles a
     JOIN story_articles sa ON sa.article_id = a.id ORDER BY a.published, a.seq`,
  )
  .all();
app.close();

const stories = new Map<string, typeof rows>();
for (const row of rows) stories.set(row.story_id, [...(stories.get(row.story_id) ?? []), row]);
console.log(`${report.added.length} articles, ${stories.size} stories\n`);
for (const members of [...stories.values()].sort((a, b) => b.length - a.length).slice(0, largest)) {
  console.log(
    `${members.length} articles, ${members[0]!.published.slice(0, 10)} to ${members.at(-1)!.published.slice(0, 10)}`,
  );
  for (const row of members)
    console.log(`  ${row.published.slice(0, 10)} ${row.outlet.padEnd(9)} ${row.title}`);
  console.log('');
}

const byKey = new Map(rows.map((row) => [articleKey(row), row]));
const scores = scorePairs(
  readPairs(),
  new Map([...byKey].map(([key, row]) => [key, row.story_id])),
);
const shown = (key: string) => `${byKey.get(key)!.published.slice(0, 10)} ${byKey.get(key)!.title}`;
const percent = (value: number) => (100 * value).toFixed(1);
console.log(
  `Pairwise on ${scores.pairs} labelled pairs: precision ${percent(scores.precision)}, ` +
    `recall ${percent(scores.recall)}, F1 ${percent(scores.f1)}`,
);
console.log(
  `Right by kind: ${[...scores.byKind].map(([kind, { right, total }]) => `${kind} ${right}/${total}`).join(', ')}`,
);
for (const pair of scores.wrong)
  console.log(`  ${pair.same ? 'split ' : 'merged'} ${shown(pair.a)}  |  ${shown(pair.b)}`);
