/**
 * How article severities spread over a corpus, with titles at each level to read as an analyst:
 *
 *   npx tsx scripts/severity-report.ts [FOLDER|FILE ...] [--samples N] [--level L] [--find WORD]
 *
 * With no path it reads `../shared/dev-data/gaza-news` (and says so when that is absent); any
 * file the ingester reads works (NDJSON, JSON, Markdown, HTML, text), so `data/sample` too.
 * Prints the count and share of articles at each level 0-5, then up to N titles per level
 * (spread evenly over the corpus, default 12) with the reasons that set the level. `--level L`
 * lists every article at that level; `--find WORD` only articles whose title has the word.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleInput } from '../src/corpus/article.ts';
import { articleFromRecord } from '../src/corpus/parse/json.ts';
import { parseDocument } from '../src/corpus/parse/parse-document.ts';
import { analyzeArticle } from '../src/analysis/analyze.ts';
import { severityOf, severityLabel } from '../src/analysis/severity.ts';

const DEFAULT = '../shared/dev-data/gaza-news';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const optionValues = new Set(['--samples', '--level', '--find'].map((name) => option(name)));
const paths = args.filter((arg) => !arg.startsWith('--') && !optionValues.has(arg));
const samples = Number(option('--samples') ?? 12);
const onlyLevel = option('--level') === undefined ? null : Number(option('--level'));
const find = option('--find')?.toLowerCase() ?? null;

if (paths.length === 0) {
  if (!existsSync(DEFAULT)) {
    console.error(`no corpus given and ${DEFAULT} is absent: pass a folder or file of articles`);
    process.exit(2);
  }
  paths.push(DEFAULT);
}

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !name.startsWith('.') && !/readme/i.test(name))
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** A file's articles; NDJSON line by line, since a dev corpus may exceed the ingest's file limit. */
function readArticles(file: string): ArticleInput[] {
  const bytes = readFileSync(file);
  if (!/\.(ndjson|jsonl)$/.test(file))
    return parseDocument(file, bytes, '1970-01-01T00:00:00Z').articles;
  return bytes
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, index) => articleFromRecord(JSON.parse(line), `${file}:${index + 1}`, ''));
}

const articles: ArticleInput[] = [];
for (const path of paths) {
  if (!existsSync(path)) {
    console.error(`${path}: not found`);
    process.exit(2);
  }
  for (const file of files(path)) articles.push(...readArticles(file));
}
articles.sort((a, b) => a.published.localeCompare(b.published));

const rows = articles.map((article) => {
  const analysis = analyzeArticle(article);
  return { article, severity: severityOf(analysis.events) };
});

console.log(`${rows.length} articles from ${paths.join(', ')}\n`);
console.log('level  articles  share  label');
for (let level = 0; level <= 5; level++) {
  const n = rows.filter((row) => row.severity.level === level).length;
  console.log(
    `${String(level).padStart(5)}  ${String(n).padStart(8)}  ${((100 * n) / Math.max(1, rows.length)).toFixed(1).padStart(4)}%  ${severityLabel(level)}`,
  );
}

for (let level = 5; level >= 0; level--) {
  if (onlyLevel !== null && level !== onlyLevel) continue;
  const atLevel = rows.filter(
    (row) =>
      row.severity.level === level && (!find || row.article.title.toLowerCase().includes(find)),
  );
  if (atLevel.length === 0) continue;
  const step = onlyLevel === null ? Math.max(1, atLevel.length / samples) : 1;
  console.log(`\n== ${level} ${severityLabel(level)} (${atLevel.length}) ==`);
  for (let at = 0; at < atLevel.length; at += step) {
    const { article, severity } = atLevel[Math.floor(at)]!;
    console.log(
      `${article.published.slice(0, 10)} ${article.outlet.slice(0, 4).padEnd(4)} ${article.title.slice(0, 90)}`,
    );
    if (severity.reasons.length > 0) console.log(`    ${severity.reasons.join('; ')}`);
  }
}
