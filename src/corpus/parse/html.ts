import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleInput } from '../article.ts';
import { checkArticleText, cleanTags, parseTimestamp, siteOf, tidyBody } from './fields.ts';
import { ParseError } from './parse-error.ts';

const BLOCKS = 'p, h1, h2, h3, h4, li, blockquote, pre';
/** Elements whose text is code or markup, never prose a reader sees. */
const NOT_TEXT = 'script, style, template, noscript';
/** Struck-through words: what a transcript marks as misspoken, before its [correction]. */
const STRUCK = 's, del, strike';

type Page = ReturnType<typeof parseHTML>['document'];

function meta(document: Page, ...names: string[]): string | undefined {
  for (const name of names) {
    const element =
      document.querySelector(`meta[property="${name}"]`) ??
      document.querySelector(`meta[name="${name}"]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

/**
 * Readable text of an HTML fragment, one blank line between blocks (article bodies, and feed
 * titles and descriptions, which carry HTML). Text without tags is only tidied.
 */
export function htmlToText(html: string): string {
  if (!/<[a-z!/]/i.test(html)) return tidyBody(html);
  // A line break inside a block may separate two speakers' turns of a transcript.
  const lines = html.replace(/<br\s*\/?>/gi, '\n');
  const { document } = parseHTML(`<!doctype html><html><body>${lines}</body></html>`);
  for (const element of [...document.querySelectorAll(`${NOT_TEXT}, ${STRUCK}`)]) element.remove();
  const blocks = [...document.querySelectorAll(BLOCKS)]
    .filter((element) => !element.querySelector(BLOCKS))
    .map((element) => element.textContent ?? '');
  return tidyBody((blocks.length > 0 ? blocks : [document.body.textContent ?? '']).join('\n\n'));
}

/**
 * Parses an article page: the main text through Mozilla Readability (navigation, footers and
 * cookie notices dropped), metadata from Open Graph and article meta tags.
 */
export function parseHtmlArticle(html: string, origin: string, fallbackDate: string): ArticleInput {
  const { document } = parseHTML(html);
  if (!document.documentElement) throw new ParseError('not an HTML document');
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim();
  const url = canonical ?? meta(document, 'og:url') ?? null;
  const rawDate = meta(document, 'article:published_time', 'date', 'pubdate', 'dc.date');
  const published = rawDate ? parseTimestamp(rawDate) : null;
  if (rawDate && !published) throw new ParseError(`unreadable date "${rawDate.slice(0, 40)}"`);
  const ogTitle = meta(document, 'og:title');
  const outlet = meta(document, 'og:site_name', 'application-name') ?? siteOf(url);
  const keywords = meta(document, 'keywords')?.split(',') ?? [];
  const sectionTags = [...document.querySelectorAll('meta[property="article:tag"]')].map(
    (element) => element.getAttribute('content') ?? '',
  );
  const lang = document.documentElement.getAttribute('lang')?.slice(0, 2) || 'en';

  const parsed = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
    { charThreshold: 100 },
  ).parse();
  if (!parsed?.content) throw new ParseError('no article text found in the page');
  const title = (ogTitle ?? parsed.title ?? '').trim();
  const body = htmlToText(parsed.content);
  if (!body) throw new ParseError('no article text found in the page');
  checkArticleText(title, body);
  return {
    title,
    body,
    outlet,
    url,
    published: published ?? fallbackDate,
    tags: cleanTags([...keywords, ...sectionTags]),
    lang,
    origin,
  };
}
