import type { ArticleInput } from '../article.ts';
import { checkArticleText, cleanTags, parseTimestamp, siteOf, tidyBody } from './fields.ts';
import { ParseError } from './parse-error.ts';

function firstString(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (
      value &&
      typeof value === 'object' &&
      typeof (value as { name?: unknown }).name === 'string'
    ) {
      return (value as { name: string }).name.trim();
    }
  }
  return undefined;
}

/**
 * Maps one article object from JSON, NDJSON or Markdown front matter onto an `ArticleInput`.
 * Accepts the common spellings (`body`/`text`/`content`, `outlet`/`source`, `published`/`date`).
 */
export function articleFromRecord(
  value: unknown,
  origin: string,
  fallbackDate: string,
  bodyOverride?: string,
): ArticleInput {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ParseError('not an article object');
  }
  const record = value as Record<string, unknown>;
  const title = firstString(record, ['title', 'headline']) ?? '';
  const body = tidyBody(bodyOverride ?? firstString(record, ['body', 'text', 'content']) ?? '');
  checkArticleText(title, body);
  const rawDate = firstString(record, [
    'published',
    'published_time',
    'date',
    'published_at',
    'publishedAt',
  ]);
  const published = rawDate === undefined ? fallbackDate : parseTimestamp(rawDate);
  if (published === null) throw new ParseError(`unreadable date "${rawDate?.slice(0, 40)}"`);
  const rawTags = record['tags'] ?? record['keywords'] ?? [];
  const url = firstString(record, ['url', 'link', 'source_url', 'canonical_url']) ?? null;
  return {
    title,
    body,
    outlet: firstString(record, ['outlet', 'source', 'site', 'publisher']) ?? siteOf(url),
    url,
    published,
    tags: cleanTags(
      Array.isArray(rawTags) ? rawTags : typeof rawTags === 'string' ? rawTags.split(/[,\s]+/) : [],
    ),
    lang: firstString(record, ['lang', 'language']) ?? 'en',
    origin,
  };
}

/** `JSON.parse` whose failure is a `ParseError` naming the problem. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ParseError(`invalid JSON: ${(error as Error).message}`);
  }
}

/** The article objects of a JSON document: one object, an array, or `{ "articles": [...] }`. */
export function recordsOfJson(parsed: unknown): unknown[] {
  if (Array.isArray(parsed)) return parsed;
  if (
    parsed &&
    typeof parsed === 'object' &&
    Array.isArray((parsed as { articles?: unknown }).articles)
  ) {
    return (parsed as { articles: unknown[] }).articles;
  }
  return [parsed];
}
