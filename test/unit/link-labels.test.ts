import { afterEach, describe, expect, it } from 'vitest';
import { withoutLinkLabels } from '../../src/corpus/link-labels.ts';
import type { App } from '../../src/main.ts';
import { buildWho } from '../../src/briefing/who-view.ts';
import { createTestApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';

describe('link labels of a BBC page', () => {
  it('drops the hidden ", external" after a link, wherever it falls in the sentence', () => {
    const body = [
      'The minister wrote on X, external, that the talks had stalled.',
      'She said Israel had a "right to defend herself, external".',
      'Follow BBC Bristol on Facebook, external, X, external and Instagram, external.',
      'He spoke on Monday , externaland that night left.',
    ].join('\n\n');
    expect(withoutLinkLabels(body, 'BBC News')).toBe(
      [
        'The minister wrote on X, that the talks had stalled.',
        'She said Israel had a "right to defend herself".',
        'Follow BBC Bristol on Facebook, X and Instagram.',
        'He spoke on Monday and that night left.',
      ].join('\n\n'),
    );
  });

  it("keeps words that only start like the label, and every other outlet's prose", () => {
    expect(withoutLinkLabels('Aid is funded, externally, by donors.', 'BBC News')).toBe(
      'Aid is funded, externally, by donors.',
    );
    expect(withoutLinkLabels('Threats, external and internal, remain.', 'Balkan Wire')).toBe(
      'Threats, external and internal, remain.',
    );
  });
});

describe('an ingested BBC article', () => {
  let app: App;
  afterEach(() => app.close());

  it('gives the statement without the label', () => {
    app = createTestApp();
    app.ingester.ingestArticles([
      article({
        title: 'Army chief says fighting will go on',
        body: 'Israeli military chief Herzi Halevi said the fighting was taking place in "a complex area", external and would "continue for many more months".',
        outlet: 'BBC News',
        published: '2023-12-26T10:00:00Z',
      }),
    ]);
    const texts = buildWho(app.store, 'halevi', new Date('2024-01-01T00:00:00Z')).statements.map(
      (statement) => statement.text,
    );
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.join(' ')).not.toContain('external');
  });
});
