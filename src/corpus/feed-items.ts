import { parseFeed } from 'feedsmith';
import type { ArticleInput } from './article.ts';
import { cleanTags, parseTimestamp } from './parse/fields.ts';
import { htmlToText } from './parse/html.ts';
import { ParseError } from './parse/parse-error.ts';

/** One entry of a feed, as an article plus what the poller needs to track it. */
export interface FeedItem {
  /** Stable identity within the feed: guid or id, else link, else title and date. */
  key: string;
  article: ArticleInput;
  /** The feed gave a summary at most, so the linked page may hold the real text. */
  summaryOnly: boolean;
}

export interface ParsedFeed {
  title: string;
  items: FeedItem[];
  failures: { origin: string; reason: string }[];
}

/** Below this many characters a feed entry's text is taken for a summary, not the article. */
const FULL_TEXT_CHARS = 600;

/** How much of a document's start is searched for its root element. */
const HEAD_CHARS = 4096;
const PROLOG = String.raw`^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*`;
const FEED_ROOT = new RegExp(`${PROLOG}<(rss|feed|rdf:RDF)\\b`, 'i');
const XML_DOCTYPE = new RegExp(`${PROLOG}<!DOCTYPE\\s+(?!html\\b)`, 'i');
/** A document type declaration, with its internal subset (`[...]`) when it has one. */
const DOCTYPE = /<!DOCTYPE\s[^[>]*(\[[\s\S]*?\]\s*)?>\s*/i;

/**
 * True when a document is to be read by the feed reader (RSS, Atom, RDF or JSON Feed) rather
 * than as an article: a feed root after the XML prolog, comments and document type, or any
 * non-HTML XML document declaring entities, which the feed reader refuses (as the poller does),
 * so no path turns such a document into an article of raw XML.
 */
export function looksLikeFeed(text: string): boolean {
  const start = text.trimStart();
  if (start.startsWith('{'))
    return /"version"\s*:\s*"https:\/\/jsonfeed\.org/.test(start.slice(0, 500));
  const head = start.slice(0, HEAD_CHARS);
  if (XML_DOCTYPE.test(head) && /<!ENTITY/i.test(start)) return true;
  return FEED_ROOT.test(head.replace(DOCTYPE, ''));
}

interface Entry {
  id: string | undefined;
  title: string | undefined;
  link: string | undefined;
  content: string | undefined;
  summary: string | undefined;
  date: string | undefined;
  tags: string[];
}

type Loose = Record<string, unknown>;
const text = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value && typeof value === 'object' && typeof (value as Loose)['value'] === 'string')
    return ((value as Loose)['value'] as string).trim() || undefined;
  return undefined;
};
const list = (value: unknown): Loose[] => (Array.isArray(value) ? (value as Loose[]) : []);

/** Normalises the four feed formats' items to one shape. */
function entriesOf(parsed: ReturnType<typeof parseFeed>): { title: string; entries: Entry[] } {
  const feed = parsed.feed as unknown as Loose;
  const title = text(feed['title']) ?? 'unknown';
  switch (parsed.format) {
    case 'rss':
    case 'rdf':
      return {
        title,
        entries: list(feed['items']).map((item) => ({
          id: text(item['guid']) ?? text(item['link']),
          title: text(item['title']),
          link: text(item['link']),
          content: text((item['content'] as Loose | undefined)?.['encoded']),
          summary: text(item['description']),
          date: text(item['pubDate']) ?? text((item['dc'] as Loose | undefined)?.['date']),
          tags: list(item['categories']).map((category) => text(category['name']) ?? ''),
        })),
      };
    case 'atom':
      return {
        title,
        entries: list(feed['entries']).map((entry) => {
          const links = list(entry['links']);
          const link = links.find(
            (candidate) => !candidate['rel'] || candidate['rel'] === 'alternate',
          );
          return {
            id: text(entry['id']),
            title: text(entry['title']),
            link: text(link?.['href']),
            content: text(entry['content']),
            summary: text(entry['summary']),
            date: text(entry['published']) ?? text(entry['updated']),
            tags: list(entry['categories']).map(
              (category) => text(category['label']) ?? text(category['term']) ?? '',
            ),
          };
        }),
      };
    case 'json':
      return {
        title,
        entries: list(feed['items']).map((item) => ({
          id: text(item['id']),
          title: text(item['title']),
          link: text(item['url']),
          content: text(item['content_html']) ?? text(item['content_text']),
          summary: text(item['summary']),
          date: text(item['date_published']) ?? text(item['date_modified']),
          tags: Array.isArray(item['tags']) ? (item['tags'] as unknown[]).map(String) : [],
        })),
      };
  }
}

/**
 * Parses a feed document (with feedsmith) into articles. `topics` (from the feeds file) are
 * added as tags, so the feed's items are found under those topics. Items without a title are
 * reported as failures; an item with no text keeps its summary or title as its body.
 */
export function parseFeedDocument(
  body: string | object,
  origin: string,
  fallbackDate: string,
  topics: readonly string[] = [],
): ParsedFeed {
  // No real feed needs its own entities; a document that declares them is an attack (entity
  // expansion, "billion laughs"; external entities reading local files) and is refused outright.
  if (typeof body === 'string' && /<!ENTITY/i.test(body))
    throw new ParseError('refused: the feed declares XML entities (<!ENTITY>)');
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(
      typeof body === 'string' && body.trimStart().startsWith('{') ? JSON.parse(body) : body,
    );
  } catch (error) {
    throw new ParseError(`not a readable feed: ${(error as Error).message.slice(0, 120)}`);
  }
  const { title: outlet, entries } = entriesOf(parsed);
  const result: ParsedFeed = { title: outlet, items: [], failures: [] };
  entries.forEach((entry, index) => {
    const where = `${origin}#${index + 1}`;
    const title = entry.title ? htmlToText(entry.title) : '';
    if (!title) {
      result.failures.push({ origin: where, reason: 'feed item without a title' });
      return;
    }
    const content = entry.content ? htmlToText(entry.content) : '';
    const summary = entry.summary ? htmlToText(entry.summary) : '';
    const best = content.length >= summary.length ? content : summary;
    const published = (entry.date && parseTimestamp(entry.date)) || fallbackDate;
    result.items.push({
      key: entry.id ?? entry.link ?? `${title}\u0000${entry.date ?? ''}`,
      summaryOnly: best.length < FULL_TEXT_CHARS,
      article: {
        title: title.slice(0, 500),
        body: best || title,
        outlet,
        url: entry.link ?? null,
        published,
        tags: cleanTags([...entry.tags, ...topics]),
        lang: 'en',
        origin: entry.link ?? where,
      },
    });
  });
  return result;
}

/** A feed document to read: its text, where it came from, and which items to return. */
export interface FeedRequest {
  text: string;
  origin: string;
  fallbackDate: string;
  topics: readonly string[];
  /** Indexes (in feed order) of the items wanted; none when only the keys are. */
  pick: readonly number[];
}

/**
 * A feed as the poller needs it: every item's key (in feed order), and only the items it asked
 * for, so that a feed of 90,000 items is not copied between threads whole. `refused` holds the
 * reason a document is not read (not a feed, declared entities).
 */
export interface FeedListing {
  title: string;
  keys: string[];
  items: FeedItem[];
  failures: ParsedFeed['failures'];
  refused?: string;
}

/** The listing of a parsed feed. */
export function listingOf(parsed: ParsedFeed, pick: readonly number[]): FeedListing {
  return {
    title: parsed.title,
    keys: parsed.items.map((item) => item.key),
    items: pick.flatMap((index) => parsed.items[index] ?? []),
    failures: parsed.failures,
  };
}

/** Reads a feed document into a listing (on an analysis thread, or here). */
export function listFeed(request: FeedRequest): FeedListing {
  try {
    const parsed = parseFeedDocument(
      request.text,
      request.origin,
      request.fallbackDate,
      request.topics,
    );
    return listingOf(parsed, request.pick);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return { title: '', keys: [], items: [], failures: [], refused: error.message };
  }
}
