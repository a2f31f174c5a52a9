import { normaliseText } from './article-id.ts';
import { findTerms, termFinder } from './term-finder.ts';
import known from './topics.json' with { type: 'json' };

/** A subject users ask about, and the words that mark an article as being about it. */
export interface Topic {
  key: string;
  label: string;
  terms: string[];
  /** False for a topic made up on the spot from the user's own words. */
  known: boolean;
  /**
   * Names that hold a term but are not about the topic ("Kataib Hezbollah", an Iraqi militia,
   * for Lebanon's "hezbollah"); known topics only.
   */
  excludes?: string[];
}

const TOPICS: Topic[] = Object.entries(
  known as Record<string, { label: string; terms: string[]; excludes?: string[] }>,
).map(([key, topic]) => ({
  key,
  label: topic.label,
  terms: topic.terms,
  known: true,
  ...(topic.excludes ? { excludes: topic.excludes } : {}),
}));

/** Each known topic's terms folded once, with the topic they name. */
const FOLDED_TERMS = TOPICS.flatMap((topic) =>
  topic.terms.map((term) => ({ key: topic.key, term: normaliseText(term) })),
);
const TERMS = termFinder(FOLDED_TERMS.map(({ term }) => term));
/** Each known topic's excluded names folded once, with the topic they are not about. */
const FOLDED_EXCLUDES = TOPICS.flatMap((topic) =>
  (topic.excludes ?? []).map((name) => ({ key: topic.key, term: normaliseText(name) })),
);
const EXCLUDES = termFinder(FOLDED_EXCLUDES.map(({ term }) => term));
const EXCLUDING = new Set(FOLDED_EXCLUDES.map(({ key }) => key));

/**
 * Calls `hit` for each known topic's term that begins at a word of a folded text (`findTerms`),
 * with the topic, the term, whether it ends at a word's end and where it begins; not for a term
 * inside a name the topic excludes. Topic membership and a story's topic mentions run this on
 * every ingested article.
 */
export function findTopicTerms(
  folded: string,
  hit: (topic: string, term: string, whole: boolean, at: number) => void,
): void {
  const hits: { index: number; whole: boolean; at: number }[] = [];
  findTerms(TERMS, folded, (index, whole, at) => hits.push({ index, whole, at }));
  // The excluded names are looked for only in a text that names a topic that has some.
  const excluded: { key: string; from: number; to: number }[] = [];
  if (hits.some(({ index }) => EXCLUDING.has(FOLDED_TERMS[index]!.key)))
    findTerms(EXCLUDES, folded, (index, _whole, at) => {
      const { key, term } = FOLDED_EXCLUDES[index]!;
      excluded.push({ key, from: at, to: at + term.length });
    });
  for (const { index, whole, at } of hits) {
    const { key, term } = FOLDED_TERMS[index]!;
    if (!excluded.some((name) => name.key === key && at >= name.from && at < name.to))
      hit(key, term, whole, at);
  }
}

/**
 * The known topics an article is about, by the rule the full-text search uses: a one-word term
 * matches as a word prefix (`kosov` in Kosovar), a longer term as a phrase; title, body and tags
 * count, case and diacritics folded. Stored with each statement (so `/who kirby kosovo` filters
 * on a column) and in the store's topic index (so a briefing reads a topic's newest articles).
 */
export function topicsOfArticle(article: {
  title: string;
  body: string;
  tags: readonly string[];
}): string[] {
  // Folded part by part (the same words as the whole, as parts break words at the space anyway),
  // so that the body's folding is the one `normaliseText` remembers.
  const parts = [article.title, article.body, ...article.tags].map((part) => normaliseText(part));
  const found = new Set<string>();
  findTopicTerms(` ${parts.filter(Boolean).join(' ')} `, (key, term, whole) => {
    if (whole || !term.includes(' ')) found.add(key);
  });
  return TOPICS.filter((topic) => found.has(topic.key)).map((topic) => topic.key);
}

/** Text beyond ASCII, which folding changes in more ways than case. */
export const NOT_ASCII = /[\u0080-\uffff]/;

/**
 * Whether a text names the topic, by the rule `topicsOfArticle` uses (a one-word term as a word
 * prefix, a longer one as a phrase; case and diacritics folded): a summary sentence of a topic's
 * briefing must be about the topic.
 */
export function mentionsTopic(text: string, topic: Pick<Topic, 'terms'>): boolean {
  const terms = topic.terms.map((term) => normaliseText(term)).filter(Boolean);
  // Folding ASCII text only lowercases it and blanks what is no letter or digit: text whose
  // lower case holds no term's first word names none, and is answered without folding it.
  if (!NOT_ASCII.test(text) && !terms.some((term) => NOT_ASCII.test(term))) {
    const lower = text.toLowerCase();
    if (!terms.some((term) => lower.includes(term.split(' ')[0]!))) return false;
  }
  const folded = ` ${normaliseText(text)} `;
  return terms.some((term) =>
    term.includes(' ') ? folded.includes(` ${term} `) : folded.includes(` ${term}`),
  );
}

/** The topics sitrep knows by name (for suggestions and autocomplete). */
export function knownTopics(): readonly Topic[] {
  return TOPICS;
}

/**
 * The topic a user means: `Kosovo`, `#kosovo`, `Kosovar` and `Pristina` all resolve to Kosovo.
 * Anything unknown becomes an ad-hoc topic searched by its own words.
 */
export function resolveTopic(input: string): Topic {
  const wanted = normaliseText(input.replace(/^#/, ''));
  const found = TOPICS.find(
    (topic) =>
      topic.key === wanted.replace(/ /g, '-') ||
      topic.terms.some((term) => normaliseText(term) === wanted),
  );
  if (found) return found;
  const label = input.replace(/^#/, '').trim();
  return { key: wanted.replace(/ /g, '-'), label, terms: [wanted], known: false };
}

/** Edit distance, for "did you mean" suggestions on short names. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The row `withinEditDistance` works in, reused: it runs thousands of times per keystroke. */
let scratch = new Int32Array(64);

/**
 * `editDistance(a, b) <= max`, stopping as soon as every path is over `max`: autocomplete asks
 * this of every name word on each keystroke, nearly always of words that are far apart.
 */
export function withinEditDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (scratch.length <= b.length) scratch = new Int32Array(b.length * 2 + 1);
  const row = scratch;
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    let best = row[0];
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
      if (row[j]! < best) best = row[j]!;
    }
    if (best > max) return false;
  }
  return row[b.length]! <= max;
}

/** Known topics closest to what the user typed, best first. */
export function closestTopics(input: string, limit = 3): string[] {
  const wanted = normaliseText(input.replace(/^#/, ''));
  return TOPICS.map((topic) => ({
    label: topic.label,
    distance: Math.min(
      ...[topic.key, ...topic.terms].map((term) => editDistance(wanted, normaliseText(term))),
    ),
  }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map((topic) => topic.label);
}
