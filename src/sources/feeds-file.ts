import { resolveTopic } from '../corpus/topics.ts';

export interface FeedConfig {
  url: string;
  /** Topic keys the feed's items are tagged with. */
  topics: string[];
}

export class FeedsFileError extends Error {
  override readonly name = 'FeedsFileError';
}

/**
 * Reads a feeds file: one feed per line, its URL then optional topics
 * (`https://example.org/rss.xml kosovo serbia`); blank lines and `#` comments are skipped.
 * A bad line stops with its line number, so a typo never silently drops a feed.
 */
export function parseFeedsFile(text: string): FeedConfig[] {
  const feeds = new Map<string, FeedConfig>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const [url = '', ...words] = line.split(/\s+/);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new FeedsFileError(`line ${index + 1}: "${url.slice(0, 80)}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new FeedsFileError(`line ${index + 1}: only http and https feeds are polled`);
    const topics = words.map((word) => resolveTopic(word.replace(/,$/, '')).key);
    feeds.set(parsed.toString(), { url: parsed.toString(), topics: [...new Set(topics)] });
  });
  return [...feeds.values()];
}
