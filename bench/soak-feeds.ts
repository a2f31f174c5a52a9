import http from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { ArticleInput } from '../src/corpus/article.ts';
import { generateArticles } from './generate.ts';

/**
 * The soak's feeds, served from their own process (so serving megabytes does not count against
 * the bot's thread): 20 good feeds that publish on the simulated clock, and 20 hostile ones.
 * Both processes compute simulated time from the same wall start and speed.
 */
export interface SoakTime {
  /** Simulated time at the wall start (ms). */
  start: number;
  /** Wall time (Date.now()) at the start. */
  wallStart: number;
  speed: number;
  hours: number;
  seed: number;
}

export const simulatedNow = (time: SoakTime) =>
  time.start + (Date.now() - time.wallStart) * time.speed;

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const rssOf = (title: string, items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title>${items.join('')}</channel></rss>`;
const itemXml = (guid: string, article: ArticleInput, link: string) =>
  `<item><guid>${guid}</guid><title>${escape(article.title)}</title><link>${link}</link><pubDate>${new Date(article.published).toUTCString()}</pubDate><description>${escape(article.body)}</description></item>`;

// Good feeds: each publishes one of its articles every 6 simulated minutes (10 an hour).
export const GOOD = 20;
const PER_HOUR = 10;
export function goodArticles(time: SoakTime): ArticleInput[][] {
  return Array.from({ length: GOOD }, (_, feed) =>
    [...generateArticles(PER_HOUR * time.hours + 2, time.seed + feed)].map((article, n) => ({
      ...article,
      published: new Date(time.start + n * (3_600_000 / PER_HOUR)).toISOString(),
    })),
  );
}
/** The good items a feed lists at a simulated time: those published by then, newest first. */
export const listedAt = (articles: ArticleInput[][], feed: number, at: number) =>
  articles[feed]!.map((article, n) => ({ article, n }))
    .filter(({ article }) => Date.parse(article.published) <= at)
    .reverse();

const bigFeed = rssOf(
  'Flood',
  Array.from(
    { length: 15_000 },
    (_, i) => `<item><guid>f${i}</guid><title>Flood ${i}</title></item>`,
  ),
);
const laughs = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss version="2.0"><channel><title>L</title><item><guid>1</guid><title>&c;</title></item></channel></rss>`;

const hugePage = `<html><body><article><p>${'Long page text. '.repeat(300_000)}</p></article></body></html>`;
const gzipBomb = gzipSync(Buffer.alloc(40 * 1024 * 1024, 0x20));
const overCap = rssOf('Big', [`<item><title>${'x'.repeat(6 * 1024 * 1024)}</title></item>`]);

type Handler = (res: ServerResponse, base: string) => void;
/** Twenty ways a feed can be hostile, broken or huge. */
export const HOSTILE: Record<string, Handler> = {
  'flood-15000-items': (res) => res.end(bigFeed),
  'entity-bomb': (res) => res.end(laughs),
  'external-entity': (res) =>
    res.end(laughs.replace('<!ENTITY a "aaaaaaaaaa">', '<!ENTITY a SYSTEM "file:///etc/passwd">')),
  'never-answers': () => {},
  'trickles-headers-only': (res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss><channel>');
  },
  'retry-after-1e308': (res) => res.writeHead(503, { 'retry-after': '1e308' }).end(),
  'retry-after-year-9999': (res) =>
    res.writeHead(429, { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' }).end(),
  'binary-garbage': (res) =>
    res.end(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256))),
  'html-page': (res) => res.end('<!doctype html><html><body><p>Not a feed.</p></body></html>'),
  'redirect-loop': (res, base) => res.writeHead(302, { location: `${base}/redirect-loop` }).end(),
  'gzip-bomb': (res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipBomb),
  'over-size-cap': (res) => res.end(overCap),
  'hijacking-titles': (res) =>
    res.end(
      rssOf('Hijack', [
        `<item><guid>h1</guid><title>Talks resume](https://evil.example/x)</title><link>https://wire.example/h1</link><description>Talks resumed in Geneva.</description></item>`,
        `<item><guid>h2</guid><title>Border \u202egpj.exe\u202c talks\u200b end</title><link>https://wire.example/h2</link><description>Talks ended.</description></item>`,
      ]),
    ),
  'summary-only-huge-pages': (res, base) =>
    res.end(
      rssOf(
        'Pages',
        Array.from(
          { length: 400 },
          (_, i) =>
            `<item><guid>p${i}</guid><title>Page ${i}</title><link>${base}/huge-page?${i}</link><description>Short.</description></item>`,
        ),
      ),
    ),
  'duplicate-guids': (res) =>
    res.end(
      rssOf(
        'Dup',
        Array.from(
          { length: 50 },
          (_, i) => `<item><guid>same</guid><title>Dup ${i}</title></item>`,
        ),
      ),
    ),
  'items-without-titles': (res) =>
    res.end(
      rssOf(
        'Untitled',
        Array.from(
          { length: 30 },
          (_, i) => `<item><guid>u${i}</guid><description>No title ${i}</description></item>`,
        ),
      ),
    ),
  'broken-xml': (res) =>
    res.end('<?xml version="1.0"?><rss><channel><title>Broken</title><item><title>Half'),
  'bad-json-feed': (res) =>
    res
      .writeHead(200, { 'content-type': 'application/feed+json' })
      .end('{"version":"https://jsonfeed.org/version/1.1","items":[{'),
  'empty-200': (res) => res.end(''),
  'script-in-description': (res) =>
    res.end(
      rssOf('Script', [
        `<item><guid>s1</guid><title>Shelling reported</title><link>https://wire.example/s1</link><description>${escape('<p>Shelling was reported.</p><script>alert(1)</script><style>p{}</style>')}</description></item>`,
      ]),
    ),
};

/** Serves every feed on a loopback port; resolves with the port. */
export function serveFeeds(time: SoakTime): Promise<number> {
  const articles = goodArticles(time);
  const server = http.createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
    const base = `http://${req.headers.host}`;
    if (name === 'huge-page') {
      res.end(hugePage);
      return;
    }
    const good = /^good-(\d+)$/.exec(name);
    if (good) {
      const feed = Number(good[1]);
      const listed = listedAt(articles, feed, simulatedNow(time)).slice(0, 30);
      const etag = `"${feed}-${listed.length}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304).end();
        return;
      }
      res.setHeader('etag', etag);
      res.end(
        rssOf(
          `Good ${feed}`,
          listed.map(({ article, n }) =>
            itemXml(`g${feed}-${n}`, article, `https://good${feed}.example/${n}`),
          ),
        ),
      );
      return;
    }
    const hostile = HOSTILE[name];
    if (hostile) hostile(res, base);
    else res.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const time = JSON.parse(process.env['SOAK_TIME'] ?? '{}') as SoakTime;
  const port = await serveFeeds(time);
  process.stdout.write(`port ${port}\n`);
  // Ends with the soak: its parent closes stdin.
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}
