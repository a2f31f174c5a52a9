import type { ArticleInput } from '../article.ts';
import { checkArticleText, cleanTags, parseTimestamp, siteOf, tidyBody } from './fields.ts';
import { ParseError } from './parse-error.ts';

/** Lines that news sites append after the story; everything from the first one on is dropped. */
const BOILERPLATE =
  /^(you may also like|leave a comment|related( articles| stories)?|read more|share this( article)?|subscribe to our newsletter|advertisement|comments?)\s*:?$/i;
const HASHTAG_LINE = /^(#[\p{L}\p{N}_-]+\s*)+$/u;
const BYLINE = /^by\s+(.+)$/i;
const URL_LINE = /^https?:\/\/\S+$/i;

/**
 * Parses the plain-text news layout of the seed article: a title line, a `by <outlet>` line, a
 * timestamp line, an optional URL line, body paragraphs, an optional trailing hashtag line and
 * site boilerplate. Header lines other than the title are optional.
 */
export function parseTextArticle(text: string, origin: string, fallbackDate: string): ArticleInput {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  let index = 0;
  const nextContentLine = (): string | undefined => {
    while (index < lines.length && !lines[index]?.trim()) index++;
    return lines[index]?.trim();
  };

  const title = nextContentLine();
  if (title === undefined) throw new ParseError('no text');
  index++;

  let outlet = 'unknown';
  let published: string | null = null;
  let url: string | null = null;
  for (let header = 0; header < 3; header++) {
    const line = nextContentLine();
    if (line === undefined) break;
    const byline = BYLINE.exec(line);
    if (byline && outlet === 'unknown' && line.length < 80) outlet = byline[1]!.trim();
    else if (!published && parseTimestamp(line) && line.length < 40)
      published = parseTimestamp(line);
    else if (!url && URL_LINE.test(line)) url = line;
    else break;
    index++;
  }

  const rest = lines.slice(index);
  const cut = rest.findIndex((line) => BOILERPLATE.test(line.trim()));
  const paragraphs = tidyBody((cut >= 0 ? rest.slice(0, cut) : rest).join('\n')).split('\n\n');
  const tags: string[] = [];
  while (paragraphs.length > 0 && HASHTAG_LINE.test(paragraphs.at(-1) ?? '')) {
    tags.unshift(...paragraphs.pop()!.split(/\s+/));
  }
  const body = paragraphs.filter(Boolean).join('\n\n');
  checkArticleText(title, body);
  return {
    title,
    body,
    outlet: outlet === 'unknown' ? siteOf(url) : outlet,
    url,
    published: published ?? fallbackDate,
    tags: cleanTags(tags),
    lang: 'en',
    origin,
  };
}
