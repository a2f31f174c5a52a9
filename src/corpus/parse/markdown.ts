import { parse as parseYaml } from 'yaml';
import type { ArticleInput } from '../article.ts';
import { articleFromRecord } from './json.ts';
import { ParseError } from './parse-error.ts';

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/**
 * Markdown to plain prose: the bot quotes text, so links keep their words and lose their syntax.
 * Each list item becomes a paragraph of its own: joined to the next when lines are unwrapped,
 * "Jane Roe, Director" then "John Doe, Adviser" would read as one name after another's title.
 * Every pattern is linear on hostile input: link text and targets have bounded lengths and
 * stay on one line, and line-start patterns match spaces and tabs, never `\s`, which would
 * let them run across newlines and backtrack over each of them (quadratic on a file of blank
 * lines or unclosed brackets; see test/unit/adversarial-input.test.ts).
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, '')
    .replace(/!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)/g, '')
    .replace(/\[([^\]\n]{1,500})\]\([^)\n]{0,2000}\)/g, '$1')
    .replace(/^#{1,6}[ \t]+(.*)$/gm, '$1\n')
    .replace(/^>[ \t]?/gm, '')
    .replace(/^[ \t]*[-*+][ \t]+/gm, '\n')
    .replace(/(\*\*|__)([^\n]{1,1000}?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

/** Parses Markdown with YAML front matter (title, outlet, url, published, tags, lang). */
export function parseMarkdownArticle(
  text: string,
  origin: string,
  fallbackDate: string,
): ArticleInput {
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new ParseError('no YAML front matter (the file must start with ---)');
  let meta: unknown;
  try {
    meta = parseYaml(match[1]!, { maxAliasCount: 10, logLevel: 'error' });
  } catch (error) {
    throw new ParseError(`invalid front matter: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!meta || typeof meta !== 'object') throw new ParseError('front matter is not a mapping');
  const body = markdownToText(match[2] ?? '');
  return articleFromRecord(meta, origin, fallbackDate, body);
}
