import type { ArticleInput } from '../../src/corpus/article.ts';

/** An article for tests, with defaults for every field the test does not care about. */
export function article(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    title: 'Kosovo police exchange fire with gunmen',
    body: 'Kosovo police exchanged fire with armed men near Banjska on Sunday. One officer was killed.',
    outlet: 'Balkan Wire',
    url: 'https://balkanwire.example.com/banjska',
    published: '2023-09-24T08:00:00.000Z',
    tags: ['Kosovo'],
    lang: 'en',
    origin: 'test',
    ...overrides,
  };
}
