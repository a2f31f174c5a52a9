import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.ts';
import { createApp } from '../../src/main.ts';
import { createFeedPoller } from '../../src/sources/feed-poller.ts';
import { ingestSource } from '../../src/sources/ingest-source.ts';
import { createSourceState } from '../../src/sources/source-state.ts';
import { startServer, type TestServer } from '../fakes/http-server.ts';
import { manualClock } from '../fakes/manual-clock.ts';
import { rss } from '../fakes/rss.ts';

const PAGE = `<!doctype html><html lang="en"><head><title>Clash</title>
<meta property="og:title" content="Gunmen clash with police in Banjska">
<meta property="og:site_name" content="Balkan Wire">
<meta property="article:published_time" content="2023-09-24T08:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Gunmen clash with police in Banjska</h1>
${Array.from({ length: 8 }, (_, n) => `<p>Paragraph ${n + 1}: armed men attacked a Kosovo police patrol near Banjska in the north of Kosovo early on Sunday, and the clash went on for hours according to officials.</p>`).join('\n')}
</article></body></html>`;

const ITEMS = [
  {
    guid: 'banjska',
    title: 'Gunmen clash with police in Banjska',
    body: 'Short summary.',
    date: '2023-09-24T08:00:00Z',
  },
];

let server: TestServer | undefined;
let dir = '';
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

async function serve() {
  server = await startServer((req, res) => {
    if (req.url === '/feed.xml')
      res.end(rss(ITEMS.map((item) => ({ ...item, link: `${server!.url}/page` }))));
    else if (req.url === '/page') res.end(PAGE);
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  return server;
}

describe('ingest sources', () => {
  it('ingests a feed URL and an article page URL', async () => {
    const { url } = await serve();
    const clock = manualClock();
    const app = createApp({ db: ':memory:', clock });
    const options = { ingester: app.ingester, clock, fetch: { allowPrivate: true } };
    expect((await ingestSource(`${url}/feed.xml`, options)).added).toHaveLength(1);
    const page = await ingestSource(`${url}/page`, {
      ...options,
      ingester: createApp({ db: ':memory:', clock }).ingester,
    });
    expect(page.added[0]).toMatchObject({
      title: 'Gunmen clash with police in Banjska',
      outlet: 'Balkan Wire',
    });
    expect((await ingestSource(`${url}/missing`, options)).failed[0]!.reason).toBe('HTTP 404');
  });

  it('refuses a private address unless allowed', async () => {
    const { url } = await serve();
    const clock = manualClock();
    const app = createApp({ db: ':memory:', clock });
    const report = await ingestSource(`${url}/feed.xml`, { ingester: app.ingester, clock });
    expect(report.failed[0]!.reason).toMatch(/^blocked/);
    expect(server!.requests).toHaveLength(0);
  });

  it('reads a saved feed file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sitrep-feedfile-'));
    const path = join(dir, 'saved.rss');
    await writeFile(path, rss(ITEMS));
    const clock = manualClock();
    const app = createApp({ db: ':memory:', clock });
    const report = await ingestSource(path, { ingester: app.ingester, clock });
    expect(report.added.map((article) => article.title)).toEqual([ITEMS[0]!.title]);
  });

  it('fetches the linked page of a summary-only feed item after the baseline', async () => {
    const { url } = await serve();
    const clock = manualClock();
    const app = createApp({ db: ':memory:', clock });
    const poller = createFeedPoller({
      feeds: [{ url: `${url}/feed.xml`, topics: [] }],
      state: createSourceState(app.store.db),
      ingest: async (articles) => app.ingester.ingestArticles(articles),
      clock,
      logger: silentLogger,
      intervalMs: 60_000,
      fetch: { allowPrivate: true },
      fetchPages: true,
    });
    // Baseline with no items, so the item arrives as new on the second poll.
    ITEMS.length = 0;
    await poller.poll(`${url}/feed.xml`);
    ITEMS.push({
      guid: 'banjska',
      title: 'Gunmen clash with police in Banjska',
      body: 'Short summary.',
      date: '2023-09-24T08:00:00Z',
    });
    expect(await poller.poll(`${url}/feed.xml`)).toMatchObject({ outcome: 'new items', added: 1 });
    const stored = app.store.search({ limit: 1 })[0]!;
    expect(stored.body).toContain('Paragraph 8');
    expect(stored.url).toBe(`${url}/page`);
  });
});

describe('saved feeds read as the poller reads them', () => {
  const doctypeFeed = `<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
${rss(ITEMS).replace(/^<\?xml[^>]*>\s*/, '')}`;
  const entityFeed = rss(ITEMS).replace(
    '<rss',
    '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<rss',
  );

  async function ingestEachWay(name: string, text: string) {
    dir = await mkdtemp(join(tmpdir(), 'sitrep-feedfile-'));
    await writeFile(join(dir, name), text);
    const clock = manualClock();
    const single = createApp({ db: ':memory:', clock });
    const folder = createApp({ db: ':memory:', clock });
    return {
      file: await ingestSource(join(dir, name), { ingester: single.ingester, clock }),
      folder: await ingestSource(dir, { ingester: folder.ingester, clock }),
    };
  }

  it.each(['saved.rss', 'saved.txt', 'saved'])(
    'reads an RSS file with a DOCTYPE (%s) as a feed, alone or in a folder',
    async (name) => {
      const { file, folder } = await ingestEachWay(name, doctypeFeed);
      for (const report of [file, folder]) {
        expect(report.failed).toEqual([]);
        expect(report.added.map((article) => article.title)).toEqual([ITEMS[0]!.title]);
      }
    },
  );

  it.each(['saved.rss', 'saved.txt'])(
    'refuses a feed file declaring entities (%s), as the poller does',
    async (name) => {
      const { file, folder } = await ingestEachWay(name, entityFeed);
      for (const report of [file, folder]) {
        expect(report.added).toEqual([]);
        expect(report.failed.map((failure) => failure.reason)).toEqual([
          expect.stringMatching(/declares XML entities/),
        ]);
      }
    },
  );
});
