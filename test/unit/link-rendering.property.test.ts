import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { renderConsole } from '../../src/platforms/console/render.ts';
import { renderDiscord } from '../../src/platforms/discord/render.ts';
import { renderTelegram } from '../../src/platforms/telegram/render.ts';
import { checkTelegramHtml } from '../helpers/telegram-html.ts';

/**
 * Titles and links come from feeds anyone can publish. Whatever they hold, each renderer must
 * show the title as the link's text and point the link at the source's own address: parsing the
 * rendered message back gives exactly one link per source, with that text and that target.
 */

const INVISIBLE = ['\u202e', '\u202d', '\u2066', '\u2069', '\u200f', '\u200b', '\u200d', '\ufeff'];
const PAYLOADS = [
  '](https://evil.example/x)',
  ')[x](https://evil.example/y',
  '<https://evil.example/z>',
  '</a><a href="https://evil.example/">',
  '\\](https://evil.example/w)',
  '[[1]]',
];
const SPECIAL = [...'[]()<>&"\'\\*_`|~#-@.: /', ...INVISIBLE];

const titleArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(...SPECIAL),
      fc.constantFrom(...PAYLOADS),
      fc.string({ minLength: 1, maxLength: 6 }),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => `Talks ${parts.join('')}`.slice(0, 190));

const urlArb = fc
  .tuple(
    fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true, withFragments: true }),
    fc.array(fc.constantFrom(...SPECIAL, ...PAYLOADS), { maxLength: 4 }),
  )
  .map(([url, extra]) => `${url}${extra.join('')}`)
  .filter((url) => URL.canParse(url));

const hasInvisible = (text: string) => INVISIBLE.some((character) => text.includes(character));
const strip = (text: string) =>
  INVISIBLE.reduce((result, character) => result.split(character).join(''), text);

/** The visible title a renderer must show: invisible characters gone, blanks as they are. */
const shownTitle = (title: string) => strip(title).replace(/\s+/g, ' ').trim();

/** Decodes only the escapes the renderers add, so two spellings of one URL compare equal. */
const sameUrl = (url: string) =>
  new URL(url).href.replace(/%(28|29|5B|5D|3C|3E|5C|60|20)/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );

const replyWith = (title: string, url: string): Reply => ({
  blocks: [
    {
      type: 'sources',
      items: [{ n: 1, title, outlet: 'Wire', url, published: '2023-09-30T10:00:00Z' }],
    },
  ],
});

/**
 * Masked links as a CommonMark reader sees them: the text ends at the first `]` not escaped by a
 * backslash and must be followed by `(`; the target ends at the first `)`.
 */
function maskedLinks(markdown: string): { text: string; url: string }[] {
  const links: { text: string; url: string }[] = [];
  for (let i = 0; i < markdown.length; i++) {
    if (markdown[i] === '\\') {
      i++;
      continue;
    }
    if (markdown[i] !== '[') continue;
    let j = i + 1;
    let text = '';
    while (j < markdown.length && markdown[j] !== ']') {
      if (markdown[j] === '[') break;
      if (markdown[j] === '\\' && j + 1 < markdown.length) {
        text += markdown[j + 1];
        j += 2;
        continue;
      }
      text += markdown[j];
      j++;
    }
    if (markdown[j] !== ']' || markdown[j + 1] !== '(') continue;
    const end = markdown.indexOf(')', j + 2);
    if (end < 0) continue;
    links.push({ text, url: markdown.slice(j + 2, end) });
    i = end;
  }
  return links;
}

describe('links in rendered sources, for any title and URL', () => {
  it('Discord: one masked link per source, with the title as text and the source as target', () => {
    fc.assert(
      fc.property(titleArb, urlArb, (title, url) => {
        const [message] = renderDiscord(replyWith(title, url));
        const description = message!.embeds.map((embed) => embed.description ?? '').join('\n');
        const links = maskedLinks(description);
        expect(links).toHaveLength(1);
        expect(sameUrl(links[0]!.url)).toBe(sameUrl(strip(url)));
        expect(
          links[0]!.text
            .replace(/\u200b/g, '')
            .replace(/\s+/g, ' ')
            .trim(),
        ).toBe(shownTitle(title));
      }),
      { numRuns: 300 },
    );
  });

  it('Telegram: valid HTML with one anchor per source, its text the title and its href the source', () => {
    fc.assert(
      fc.property(titleArb, urlArb, (title, url) => {
        const [message] = renderTelegram(replyWith(title, url));
        const html = message!.kind === 'text' ? message!.html : '';
        expect(checkTelegramHtml(html).errors).toEqual([]);
        const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
        const anchors = [...document.querySelectorAll('a')];
        expect(anchors).toHaveLength(1);
        expect(sameUrl(anchors[0]!.getAttribute('href')!)).toBe(sameUrl(strip(url)));
        expect(anchors[0]!.textContent!.replace(/\s+/g, ' ').trim()).toBe(shownTitle(title));
      }),
      { numRuns: 300 },
    );
  });

  it('console: the last <...> of the line is the source address, and the title cannot forge one', () => {
    fc.assert(
      fc.property(titleArb, fc.option(urlArb, { nil: null }), (title, url) => {
        const line = renderConsole(
          {
            blocks: [
              {
                type: 'sources',
                items: [{ n: 1, title, outlet: 'Wire', url, published: '2023-09-30T10:00:00Z' }],
              },
            ],
          },
          { width: 100_000, colour: false },
        ).split('\n')[1]!;
        const addresses = [...line.matchAll(/<([^<>]*)>/g)].map((match) => match[1]!);
        expect(addresses).toEqual(url ? [new URL(strip(url)).href] : []);
        expect(hasInvisible(line)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a title closing the Discord link early cannot send readers to another address', () => {
    const [message] = renderDiscord(
      replyWith('Ceasefire holds](https://evil.example/x)', 'https://wire.example/a'),
    );
    const links = maskedLinks(message!.embeds[0]!.description!);
    expect(links.map((link) => new URL(link.url).hostname)).toEqual(['wire.example']);
  });
});
