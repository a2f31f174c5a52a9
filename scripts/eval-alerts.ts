/**
 * Replays the gaza-news dev coverage (BBC and NPR, December 2023 to July 2024) day by day into a
 * bot subscribed with `/subscribe gaza 4`, through the ingest path the inbox uses (analysis,
 * story indexer, alert detector), and prints every alert with its day, kind, level and reasons,
 * then the count per kind and per six weeks:
 *
 *   npm run eval:alerts [-- <gaza-news folder> [topic] [level]]
 *
 * Judge the list as a subscriber would: how many alerts name a new event in the conflict, how
 * many are off it, which major events came on their days.
 */
import { createApp } from '../src/main.ts';
import { devFolder, readDevArticles } from './dev-articles.ts';
import { replayDays } from './alert-replay.ts';

const folder = devFolder('gaza-news', process.argv[2]);
const topic = process.argv[3] ?? 'gaza';
const level = Number(process.argv[4] ?? 4);
const articles = readDevArticles(folder);
let now = new Date(0);
const app = createApp({ db: ':memory:', clock: { now: () => new Date(now) } });
process.stderr.write(`replaying ${articles.length} articles day by day (analysis included)...\n`);
const alerts = await replayDays(
  {
    db: app.store.db,
    ingester: app.ingester,
    dispatch: app.dispatch,
    setNow: (iso) => (now = new Date(iso)),
  },
  articles,
  { topic, level },
);
app.close();

for (const alert of alerts)
  console.log(
    `${alert.day}  ${alert.kind.padEnd(13)} ${String(alert.level ?? '-')}  ${alert.heading}` +
      (alert.reasons.length > 0 ? `\n${' '.repeat(30)}why: ${alert.reasons.join('; ')}` : ''),
  );
const kinds = new Map<string, number>();
for (const alert of alerts) kinds.set(alert.kind, (kinds.get(alert.kind) ?? 0) + 1);
const first = Date.parse(articles[0]!.published.slice(0, 10));
const SIX_WEEKS = 42 * 86_400_000;
const blocks = new Map<number, number>();
for (const alert of alerts) {
  const block = Math.floor((Date.parse(alert.day) - first) / SIX_WEEKS);
  blocks.set(block, (blocks.get(block) ?? 0) + 1);
}
const weeks = (Date.parse(articles.at(-1)!.published) - first) / (7 * 86_400_000);
console.log(
  `\n${alerts.length} alerts over ${weeks.toFixed(1)} weeks on ${new Set(alerts.map((a) => a.story)).size} stories ` +
    `(${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ')})`,
);
console.log(
  `Per six weeks from ${articles[0]!.published.slice(0, 10)}: ` +
    [...blocks]
      .sort((a, b) => a[0] - b[0])
      .map(([block, n]) => `${new Date(first + block * SIX_WEEKS).toISOString().slice(0, 10)} ${n}`)
      .join(', '),
);
