/** A small RSS 2.0 document for feed tests. */
export function rss(
  items: { guid: string; title: string; body: string; date: string; link?: string }[],
): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Balkan Wire</title><link>https://example.org</link>
${items
  .map(
    (item) => `<item><guid>${item.guid}</guid><title>${escape(item.title)}</title>
<link>${item.link ?? `https://example.org/${item.guid}`}</link>
<pubDate>${new Date(item.date).toUTCString()}</pubDate>
<description>${escape(`<p>${item.body}</p>`)}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}
