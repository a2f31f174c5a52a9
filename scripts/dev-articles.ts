/**
 * Reads a dev-data folder of NDJSON article files (such as `dev-data/gaza-news`) for the
 * quality scripts, through the same record mapping the NDJSON parser uses. Files are read line
 * by line here because the dev files are larger than what `sitrep ingest` accepts in one file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleInput } from '../src/corpus/article.ts';
import { articleFromRecord } from '../src/corpus/parse/json.ts';

/** The folder given on the command line, or `../shared/dev-data/<name>`; exits plainly if absent. */
export function devFolder(name: string, given: string | undefined): string {
  const folder = given ?? join(process.env['SITREP_SHARED'] ?? '../shared', 'dev-data', name);
  if (!existsSync(folder)) {
    process.stderr.write(`${folder} is not there: pass the ${name} folder as the first argument\n`);
    process.exit(2);
  }
  return folder;
}

/** Every article of the folder's `*.ndjson` files, oldest first (file order among equal times). */
export function readDevArticles(folder: string): ArticleInput[] {
  const articles: ArticleInput[] = [];
  for (const name of readdirSync(folder)
    .filter((file) => file.endsWith('.ndjson'))
    .sort()) {
    readFileSync(join(folder, name), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (!line.trim()) return;
        articles.push(articleFromRecord(JSON.parse(line), `${name}:${index + 1}`, ''));
      });
  }
  return articles
    .map((article, order) => ({ article, order }))
    .sort((a, b) => a.article.published.localeCompare(b.article.published) || a.order - b.order)
    .map(({ article }) => article);
}

/**
 * The name the labelled files give an article: a hash of its outlet, publication time and title
 * (spaces folded), so they name dev-data articles without holding any of their text.
 */
export const articleKey = (article: Pick<ArticleInput, 'outlet' | 'published' | 'title'>) =>
  createHash('sha256')
    .update(
      `${article.outlet}|${new Date(article.published).toISOString()}|${article.title.replace(/\s+/g, ' ').trim()}`,
    )
    .digest('hex')
    .slice(0, 16);
