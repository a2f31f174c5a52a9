import type { ParsedDocument } from '../corpus/parse/parse-document.ts';
import { parseDocument } from '../corpus/parse/parse-document.ts';
import { ParseError } from '../corpus/parse/parse-error.ts';
import { decodeFeed } from './feed-encoding.ts';
import { looksLikeFeed, parseFeedDocument } from '../corpus/feed-items.ts';

/**
 * Reads one file or fetched document into articles, whatever brought it (`sitrep ingest`, a
 * folder, the inbox, a URL): a feed goes through the poller's own reader, with its refusals
 * (declared entities, unreadable feeds), its items oldest first; anything else goes to the
 * article parsers. Never throws for bad content.
 */
export function readDocument(
  origin: string,
  bytes: Uint8Array,
  fallbackDate: string,
  contentType?: string,
): ParsedDocument {
  const text = decodeFeed(bytes, contentType);
  if (!looksLikeFeed(text)) return parseDocument(origin, bytes, fallbackDate);
  try {
    const feed = parseFeedDocument(text, origin, fallbackDate);
    return { articles: feed.items.map((item) => item.article).reverse(), failures: feed.failures };
  } catch (error) {
    if (error instanceof ParseError)
      return { articles: [], failures: [{ origin, reason: error.message }] };
    throw error;
  }
}
