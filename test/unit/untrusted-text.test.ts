import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/corpus/parse/html.ts';
import { parseFeedDocument } from '../../src/corpus/feed-items.ts';
import { createTestApp } from '../helpers/app.ts';
import { rss } from '../fakes/rss.ts';

describe('untrusted text from feeds and files', () => {
  it('htmlToText drops the text of scripts, styles, templates and noscript blocks', () => {
    const html =
      '<p>Shelling resumed near the border.</p><script>steal(document.cookie)</script>' +
      '<style>p { color: red }</style><template><p>hidden offer</p></template>' +
      '<noscript>Enable JavaScript</noscript><p>Two villages were evacuated.</p>';
    expect(htmlToText(html)).toBe(
      'Shelling resumed near the border.\n\nTwo villages were evacuated.',
    );
    expect(htmlToText('Breaking<script>alert(1)</script> news')).toBe('Breaking news');
  });

  it('htmlToText drops struck-through words, keeping the correction after them', () => {
    expect(htmlToText('<p>Highly Mobile <s>Advanced</s> [Artillery] Rocket Systems</p>')).toBe(
      'Highly Mobile [Artillery] Rocket Systems',
    );
  });

  it('stores titles, outlets and bodies without bidirectional overrides or zero-width characters', () => {
    const app = createTestApp();
    const feed = parseFeedDocument(
      rss([
        {
          guid: 'rlo',
          title: 'Border \u202egpj.exe\u202c talks\u200b resume',
          body: 'Negotiators\u2066 met\u2069 in Geneva on Friday\u200d.',
          date: '2023-09-29T10:00:00Z',
        },
      ]),
      'https://wire.example/rss',
      '2023-09-30T00:00:00Z',
    );
    const report = app.ingester.ingestArticles(feed.items.map((item) => item.article));
    const stored = app.store.getArticle(report.added[0]!.id)!;
    expect(stored.title).toBe('Border gpj.exe talks resume');
    expect(stored.body).toBe('Negotiators met in Geneva on Friday.');
    app.close();
  });
});
