import type { Analysis } from '../analysis.ts';
import { countryNames, findPlaces } from '../events/actors.ts';
import { eventLevel } from '../severity.ts';
import { foldedWords } from '../folded-words.ts';
import { knownTopics } from '../../corpus/topics.ts';
import { normaliseText } from '../../corpus/article-id.ts';

/** Words that say nothing about which event an article reports. */
const STOPWORDS = new Set(
  (
    'the a an and or but of in on at to for from by with as is are was were be been being has have had ' +
    'it its this that these those there their they them he she his her we our you your i not no ' +
    'said says say told after before over under into about than then also more most some any all ' +
    'which who whom what when where while will would could should may might can did does do new ' +
    'one two three four five six seven eight nine ten first last week day days monday tuesday ' +
    'wednesday thursday friday saturday sunday year years since during against between near per ' +
    'according reported officials official people government minister president'
  ).split(' '),
);

const TOPIC_WORDS = new Set(
  knownTopics().flatMap((topic) => topic.terms.flatMap((term) => foldedWords(term))),
);
const LEAD_WORDS = 80;

/** Title (counted twice) and lead words without stopwords or topic names: what the event is. */
export function contentTokens(title: string, body: string): string[] {
  const lead = foldedWords(body, LEAD_WORDS);
  return [...foldedWords(title), ...foldedWords(title), ...lead]
    .filter((word) => word.length > 2 && !STOPWORDS.has(word) && !TOPIC_WORDS.has(word))
    .map((word) => (word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word));
}

/** A bag of words with its norm, built once per article for many comparisons. */
export interface Bag {
  counts: Map<string, number>;
  norm: number;
}

export function bagOf(words: readonly string[]): Bag {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  let sum = 0;
  for (const n of counts.values()) sum += n * n;
  return { counts, norm: Math.sqrt(sum) };
}

/** Cosine of two bags of words (0 when either is empty). */
export function cosine(a: Bag, b: Bag): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [word, n] of small.counts) dot += n * (large.counts.get(word) ?? 0);
  return dot / (a.norm * b.norm);
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  for (const item of left) if (right.has(item)) shared++;
  return shared / (left.size + right.size - shared);
}

/**
 * The keys an article shares with other reports of the same event: the towns in its title and
 * the towns and named actors of its main events (actual, not background, at least tension on
 * the severity scale). Countries and topic names are left out: every article on a topic
 * shares them.
 */
export function entityKeys(title: string, body: string, analysis: Analysis): string[] {
  const keys = new Set<string>();
  for (const place of findPlaces(title)) if (!place.country) keys.add(placeKey(place.name));
  for (const event of analysis.events) {
    if (event.realis !== 'actual' || event.background || eventLevel(event) === 0) continue;
    if (event.place && !COUNTRIES.has(event.place)) keys.add(placeKey(event.place));
    for (const actor of [event.source, event.target]) {
      if (!actor || !/^\p{Lu}/u.test(actor)) continue;
      const key = normaliseText(actor);
      if (!foldedWords(key).every((word) => TOPIC_WORDS.has(word))) keys.add(`actor:${key}`);
    }
  }
  return [...keys];
}

/**
 * Signatures of the serious events an article reports, as `event:ASSAULT:banjska`: a category
 * at a town, for events from coercion up (level 3+), background mentions included. Two reports
 * within days that share one are about the same incident, however differently worded: a
 * follow-up that recaps "the attack in Banjska" joins the Banjska story.
 */
export function eventKeys(analysis: Analysis): string[] {
  const keys = new Set<string>();
  for (const event of analysis.events)
    if (
      event.realis === 'actual' &&
      event.place &&
      !COUNTRIES.has(event.place) &&
      eventLevel(event) >= 3
    )
      keys.add(`event:${event.category}:${normaliseText(event.place)}`);
  return [...keys];
}

const placeKey = (name: string) => `place:${normaliseText(name)}`;
const COUNTRIES = new Set(countryNames());

/** Known topics (`kosovo`) whose terms the article mentions as whole words. */
export function topicsOf(title: string, body: string): string[] {
  const text = ` ${normaliseText(`${title} ${body}`)} `;
  return knownTopics()
    .filter((topic) => topic.terms.some((term) => text.includes(` ${normaliseText(term)} `)))
    .map((topic) => topic.key);
}
