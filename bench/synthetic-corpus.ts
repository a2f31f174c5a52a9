import type { ArticleInput } from '../src/corpus/article.ts';

/** A small seeded PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PLACES: Record<string, string[]> = {
  kosovo: ['Kosovo', 'Pristina', 'Mitrovica', 'Zvecan', 'Banjska', 'Leposavic'],
  karabakh: ['Nagorno-Karabakh', 'Stepanakert', 'Lachin', 'Karabakh'],
  ukraine: ['Ukraine', 'Kharkiv', 'Kherson', 'Donetsk', 'Zaporizhzhia'],
  sudan: ['Sudan', 'Khartoum', 'Darfur', 'Omdurman'],
  sahel: ['Mali', 'Niger', 'Burkina Faso', 'Bamako'],
};
const ACTORS = [
  'police',
  'peacekeepers',
  'the army',
  'armed men',
  'protesters',
  'the government',
  'rebels',
  'officials',
];
const ACTIONS = [
  'clashed with',
  'met',
  'warned',
  'accused',
  'negotiated with',
  'attacked',
  'withdrew from positions held by',
  'called for talks with',
];
const DETAILS = [
  'Officials said the situation remained tense on {day}.',
  'At least {n} people were injured, according to local hospitals.',
  'Diplomats urged both sides to return to dialogue.',
  'The ministry said {n} troops had been moved closer to the border.',
  'Residents described hearing gunfire late into the night.',
  'An international mission said it was monitoring developments closely.',
  'Talks are expected to resume in {n} days, a spokesperson said.',
];
const OUTLETS = [
  'Balkan Wire',
  'Global Newsdesk',
  'Frontline Digest',
  'Danube Post',
  'Test Ledger',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * `count` synthetic news articles spread over two years and five conflicts, deterministic for a
 * seed, in publication order. They share the sample corpus's shape (title, a few paragraphs, outlet, URL) so that
 * benchmarks exercise the same parsing, analysis and queries as real coverage.
 */
export function syntheticArticles(count: number, seed = 42): ArticleInput[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const topics = Object.keys(PLACES);
  const start = Date.parse('2022-01-01T00:00:00Z');
  const span = 730 * 86_400_000;
  const articles: ArticleInput[] = [];
  for (let i = 0; i < count; i++) {
    const topic = pick(topics);
    const place = pick(PLACES[topic]!);
    const actor = pick(ACTORS);
    const other = pick(ACTORS);
    const action = pick(ACTIONS);
    const n = 2 + Math.floor(random() * 400);
    const day = pick(DAYS);
    const fill = (text: string) => text.replace('{n}', String(n)).replace('{day}', day);
    const published = new Date(start + Math.floor(random() * span)).toISOString();
    const body = [
      `In ${place}, ${actor} ${action} ${other} on ${day}, in the latest turn of a crisis that has lasted for months.`,
      fill(pick(DETAILS)),
      fill(pick(DETAILS)),
      `Report ${i}: ${fill(pick(DETAILS))}`,
      fill(pick(DETAILS)),
    ].join(' ');
    articles.push({
      title: `${place}: ${actor} ${action} ${other} (${i})`,
      body,
      outlet: pick(OUTLETS),
      url: `https://synthetic.example.com/${topic}/${i}`,
      published,
      tags: [topic],
      lang: 'en',
      origin: `synthetic:${i}`,
    });
  }
  // Feeds deliver news roughly as it is published, so the corpus is ingested in that order.
  return articles.sort((a, b) => a.published.localeCompare(b.published));
}
