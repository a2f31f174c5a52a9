import { parse as parseYaml } from 'yaml';
import type { ArticleInput } from '../article.ts';
import { articleFromRecord } from './json.ts';
import { ParseError } from './parse-error.ts';

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/**
 * Markdown to plain prose: the bot quotes text, so links keep their words and lose their syntax.
 * Each list item becomes a paragraph of its own: joined to the next when lines are unwrapped,
 * "Jane Roe, Director" then "John Doe, Adviser" would read as one name after another's title.
 * Every pattern is linear on hostile input: link text and targets have bounded lengths (link
 * text may wrap once per line, never over a blank line), and line-start patterns match spaces and tabs, never `\s`, which would
 * let them run across newlines and backtrack over each of them (quadratic on a file of blank
 * lines or unclosed brackets; see test/unit/adversarial-input.test.ts).
 */
export function markdownToText(markdown: string): string {
  const { text, restore } = protectEscapes(markdown);
  return restore(
    withoutHtml(text)
      .replace(/```[\s\S]*?```/g, '')
      .replace(/!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)/g, '')
      // Link text may wrap onto the next line ("an [open\nletter](https://...)"), not over a
      // blank one.
      .replace(/\[((?:[^\]\n]|\n(?![ \t]*\n)){1,500})\]\([^)\n]{0,2000}\)/g, '$1')
      .replace(/^#{1,6}[ \t]+(.*)$/gm, '$1\n')
      .replace(/^>[ \t]?/gm, '')
      .replace(/^[ \t]*[-*+][ \t]+/gm, '\n')
      // A line in bold ended by a hard line break heads what follows it.
      .replace(/^(\*\*|__)([^\n]{1,1000}?)\1[ \t]{2,}$/gm, '$2\n')
      .replace(/(\*\*|__)([^\n]{1,1000}?)\1/g, '$2')
      .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
      .replace(/`([^`]+)`/g, '$1'),
  );
}

/** Where the placeholders of escaped characters start (the Private Use Area). */
const ESCAPED_BASE = 0xe000;
const ESCAPED = /[\ue000-\ue07f]/g;
const HOLDS_ESCAPED = /[\ue000-\ue07f]/;

/**
 * A backslash before ASCII punctuation makes it a plain character: White House transcripts
 * write a transcriber's correction "\[Jean-Pierre\]" and a list number "2\.". Each escaped
 * character stands in for itself as a private-use placeholder while the markup is read, so
 * "\*not emphasis\*" stays as written; `restore` puts the characters back. A text that
 * already holds such placeholders keeps them, and its escapes are only dropped at the end.
 */
function protectEscapes(markdown: string): { text: string; restore: (text: string) => string } {
  const unescape = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  if (HOLDS_ESCAPED.test(markdown)) return { text: markdown, restore: unescape };
  return {
    text: markdown.replace(/\\([!-/:-@[-`{-~])/g, (_, char: string) =>
      String.fromCharCode(ESCAPED_BASE + char.charCodeAt(0)),
    ),
    restore: (text) =>
      text.replace(ESCAPED, (char) => String.fromCharCode(char.charCodeAt(0) - ESCAPED_BASE)),
  };
}

/** Tags whose text runs on in the sentence around them. */
const INLINE_TAGS = new Set(
  'a abbr b big cite code em font i img ins mark q small span strong sub sup time u var'.split(' '),
);
/** Tags that end a paragraph: each table cell or block reads as one. */
const BLOCK_TAGS = new Set(
  'blockquote caption col colgroup div figcaption figure h1 h2 h3 h4 h5 h6 li ol p table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);

/**
 * The HTML that Markdown converted from web pages keeps: struck-through words go (a transcript
 * strikes what was misspoken and puts the correction in brackets: "Highly Mobile
 * <s>Advanced</s> [Artillery] Rocket Systems"), other known tags leave their text, a block ends
 * a paragraph, an autolink keeps its address. Anything else in angle brackets is text.
 */
function withoutHtml(text: string): string {
  if (!text.includes('<') && !text.includes('~~')) return text;
  return text
    .replace(/<(s|del|strike)(?:\s[^<>]{0,500})?>[^<]{0,2000}<\/\1\s*>/gi, '')
    .replace(/~~(?=[^\s~])[^~\n]{1,1000}~~/g, '')
    .replace(/<(https?:\/\/[^<>\s]{1,2000})>/g, '$1')
    .replace(/<\/?([a-z][a-z0-9]*)(?:\s[^<>]{0,1000})?\/?>/gi, (tag, name: string) => {
      const lower = name.toLowerCase();
      if (lower === 'br') return '\n';
      if (BLOCK_TAGS.has(lower)) return '\n\n';
      return INLINE_TAGS.has(lower) ? '' : tag;
    });
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
