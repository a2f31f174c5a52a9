import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/corpus/parse/parse-error.ts';
import { decodeFeed } from '../../src/sources/feed-encoding.ts';
import { parseFeedDocument } from '../../src/corpus/feed-items.ts';

const FALLBACK = '2023-09-30T00:00:00.000Z';
const rss = (item: string, prolog = '<?xml version="1.0"?>', doctype = '') =>
  `${prolog}\n${doctype}<rss version="2.0"><channel><title>Wire</title><item>${item}<link>https://e.org/1</link></item></channel></rss>`;

const laughs = (() => {
  const lines = ['<!ENTITY lol0 "lol">'];
  for (let n = 1; n <= 9; n++) lines.push(`<!ENTITY lol${n} "${`&lol${n - 1};`.repeat(10)}">`);
  return `<!DOCTYPE rss [\n${lines.join('\n')}\n]>\n`;
})();

describe('hostile feeds', () => {
  it('refuses entity expansion ("billion laughs") with a clear reason', () => {
    const feed = rss(
      '<title>Kosovo &lol9;</title><description>&lol9;</description>',
      undefined,
      laughs,
    );
    expect(() => parseFeedDocument(feed, 'f', FALLBACK)).toThrow(ParseError);
    expect(() => parseFeedDocument(feed, 'f', FALLBACK)).toThrow(/declares XML entities/);
  });

  it('refuses external entities, so no local file is ever read into an article', () => {
    const feed = rss(
      '<title>Kosovo &x;</title><description>Leak: &x;</description>',
      undefined,
      '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n',
    );
    expect(() => parseFeedDocument(feed, 'f', FALLBACK)).toThrow(/declares XML entities/);
  });

  it('still reads a feed with a plain DOCTYPE and the predefined entities', () => {
    const feed = rss(
      '<title>Police &amp; KFOR in Zvecan</title><description>Calm &lt;again&gt;</description>',
      undefined,
      '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n',
    );
    const parsed = parseFeedDocument(feed, 'f', FALLBACK);
    expect(parsed.items.map((item) => item.article.title)).toEqual(['Police & KFOR in Zvecan']);
  });
});

describe('feed encodings', () => {
  const cyrillic = 'Косово: полиция';
  const latin = 'Mitrovicë, Kosovë';

  it('decodes windows-1251 declared in the XML prolog', () => {
    const text = rss(`<title>${cyrillic}</title>`, '<?xml version="1.0" encoding="windows-1251"?>');
    const bytes = encodeSingleByte(text, 'windows-1251');
    const parsed = parseFeedDocument(decodeFeed(bytes), 'f', FALLBACK);
    expect(parsed.items[0]?.article.title).toBe(cyrillic);
  });

  it('decodes iso-8859-1 named by the Content-Type charset, which wins over the prolog', () => {
    const text = rss(`<title>${latin}</title>`, '<?xml version="1.0" encoding="utf-8"?>');
    const bytes = encodeSingleByte(text, 'iso-8859-1');
    expect(decodeFeed(bytes, 'application/rss+xml; charset=ISO-8859-1')).toContain(latin);
    // Read as the (wrong) prolog says, the letter is lost: the header is what made it right.
    expect(decodeFeed(bytes)).not.toContain(latin);
  });

  it('reads UTF-8 by default and with a byte-order mark, and ignores an unknown encoding name', () => {
    const text = rss(`<title>${latin}</title>`, '<?xml version="1.0" encoding="x-made-up"?>');
    const utf8 = new TextEncoder().encode(text);
    expect(decodeFeed(utf8)).toContain(latin);
    expect(decodeFeed(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toContain(latin);
  });
});

/** Encodes text in a single-byte code page by inverting TextDecoder over all 256 bytes. */
function encodeSingleByte(text: string, label: string): Uint8Array {
  const table = new TextDecoder(label).decode(Uint8Array.from({ length: 256 }, (_, n) => n));
  const byChar = new Map([...table].map((char, byte) => [char, byte]));
  return Uint8Array.from([...text].map((char) => byChar.get(char) ?? 0x3f));
}
