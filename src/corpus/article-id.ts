import { createHash } from 'node:crypto';
import { foldedWords } from '../analysis/folded-words.ts';
import type { ArticleInput } from './article.ts';

const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$/i;

/**
 * The canonical form of an article URL: same page, same string. Drops the fragment, tracking
 * parameters, `www.`, default ports and a trailing slash, and sorts the remaining parameters.
 * Returns null for anything that is not an http(s) URL.
 */
export function canonicalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
  const kept = [...url.searchParams].filter(([key]) => !TRACKING_PARAMS.test(key));
  kept.sort(([a], [b]) => a.localeCompare(b));
  url.search = new URLSearchParams(kept).toString();
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  return `https://${url.host}${path}${url.search}`;
}

/** Texts at least this long are remembered by `normaliseText` (an article's body, not a name). */
const REMEMBERED_FROM = 1_000;
/** The last long text `normaliseText` folded, and its result. */
let remembered = { text: '', normalised: '' };

/**
 * Lowercased, diacritics folded, punctuation and runs of space collapsed. Preparing an article
 * for storage folds its body for the content hash, the topics and the story features, three
 * callers that do not share a value, so the last long text is remembered.
 */
export function normaliseText(text: string): string {
  if (text.length < REMEMBERED_FROM) return foldedWords(text).join(' ');
  if (text !== remembered.text) remembered = { text, normalised: foldedWords(text).join(' ') };
  return remembered.normalised;
}

/**
 * The id of an article: a hash of its canonical URL when it has one, else of its normalised
 * title and body, so that the same story ingested twice (from a file and from a feed) merges.
 */
export function articleId(article: Pick<ArticleInput, 'url' | 'title' | 'body'>): string {
  const canonical = article.url ? canonicalUrl(article.url) : null;
  const key = canonical ?? `${normaliseText(article.title)}\n${normaliseText(article.body)}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** A hash of the content alone, to merge exact copies published under different URLs. */
export function contentHash(article: Pick<ArticleInput, 'title' | 'body'>): string {
  return createHash('sha256')
    .update(`${normaliseText(article.title)}\n${normaliseText(article.body)}`)
    .digest('hex')
    .slice(0, 16);
}
