/**
 * A fingerprint of what the analysis pass produces, so a change made for speed can show that it
 * changed nothing: `npx tsx scripts/analysis-digest.ts [DEV_DATA]` (default `../shared/dev-data`).
 *
 * Prints one sha256 of the JSON of every `analyzeArticle` result per set: the bench's generated
 * news, a generated 10,000-word briefing, and, where present, the real `gaza-news` articles and
 * `wh` briefings and statements (read in place, never copied). A second sha256 covers what an
 * analysis thread hands the writing thread (`prepareArticle`: ids, topics, the deflated
 * analysis, story and people features), for changes to that step.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleInput } from '../src/corpus/article.ts';
import { readArticleFiles } from '../src/corpus/ingest.ts';
import type { ParseFailure } from '../src/corpus/parse/parse-error.ts';
import { fixedClock } from '../src/core/clock.ts';
import { analyzeArticle } from '../src/analysis/analyze.ts';
import { prepareArticle } from '../src/corpus/store/stored-form.ts';
import { generateArticles } from '../bench/generate.ts';
import { newsTexts } from '../bench/news-texts.ts';
import { transcriptText } from '../bench/transcript-text.ts';
import { readDevArticles } from './dev-articles.ts';

const devData = process.argv[2] ?? join(process.env['SITREP_SHARED'] ?? '../shared', 'dev-data');

/** Byte arrays (the deflated analysis) as base64 rather than JSON's object of indexes. */
const bytesAsBase64 = (_key: string, value: unknown) =>
  value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;

function digest(name: string, articles: readonly ArticleInput[]): void {
  const analysisHash = createHash('sha256');
  const preparedHash = createHash('sha256');
  const started = process.cpuUsage();
  for (const article of articles) {
    const analysis = analyzeArticle(article);
    analysisHash.update(`${JSON.stringify(analysis)}\n`);
    preparedHash.update(`${JSON.stringify(prepareArticle(article, analysis), bytesAsBase64)}\n`);
  }
  const used = process.cpuUsage(started);
  const seconds = (used.user + used.system) / 1e6;
  console.log(
    `${name} (${articles.length}): ${analysisHash.digest('hex')}  prepared ${preparedHash.digest('hex')}  [${seconds.toFixed(1)} CPU s]`,
  );
}

const generated = (body: string): ArticleInput => ({
  title: '',
  body,
  published: '',
  outlet: 'unknown',
  url: null,
  tags: [],
  lang: 'en',
  origin: 'bench',
});

digest('bench newsTexts(400, 700)', newsTexts(400, 700).map(generated));
digest('bench transcriptText(10000)', [generated(transcriptText(10_000))]);
digest('bench generateArticles(1000, 1)', [...generateArticles(1000, 1)]);

const gaza = join(devData, 'gaza-news');
if (existsSync(gaza)) digest('gaza-news', readDevArticles(gaza));
else console.log(`${gaza} is not there: skipped`);

const wh = join(devData, 'wh');
if (existsSync(wh)) {
  const failed: ParseFailure[] = [];
  const articles: ArticleInput[] = [];
  const clock = fixedClock('2024-01-01T00:00:00.000Z');
  for await (const article of readArticleFiles([wh], failed, { clock })) articles.push(article);
  digest('wh', articles);
} else console.log(`${wh} is not there: skipped`);
