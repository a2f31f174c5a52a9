import { featuresOf } from './article-features.ts';
import type { WindowArticle } from './window-articles.ts';

/**
 * One piece of reporting and every outlet that carried it. The first article (the earliest) is
 * the one a source line shows; the others are syndicated copies.
 */
export interface SourceGroup {
  /** The id of the group's first article: stable while the group's articles stay stored. */
  key: string;
  items: WindowArticle[];
  outlets: number;
}

/**
 * Copies appear within a day of the wire story; the same words on another day are a new report
 * (a daily update written from a template).
 */
const COPY_WINDOW_MS = 86_400_000;
/** Share of shared lead shingles above which two articles are copies of one story. */
const COPY_THRESHOLD = 0.5;

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const shingle of a) if (b.has(shingle)) shared++;
  return shared / Math.min(a.size, b.size);
}

/**
 * Folds syndicated copies (the same wire story under another outlet's headline and URL, perhaps
 * with a sentence changed) into one group: two articles published within a day of each other are
 * copies when their titles match once normalised, or when most word trigrams of their leads are
 * shared. Groups keep the order of their first article in the input.
 */
export function foldSyndicated(items: readonly WindowArticle[]): SourceGroup[] {
  const ordered = [...items].sort((a, b) => a.article.published.localeCompare(b.article.published));
  const groups: {
    group: SourceGroup;
    title: string;
    shingles: Set<string>;
    published: number;
  }[] = [];
  for (const item of ordered) {
    const { normalisedTitle: title, leadShingles: shingles } = featuresOf(item);
    const published = Date.parse(item.article.published);
    const home = groups.find(
      (entry) =>
        published - entry.published <= COPY_WINDOW_MS &&
        (entry.title === title || overlap(entry.shingles, shingles) >= COPY_THRESHOLD),
    );
    if (home) {
      home.group.items.push(item);
      continue;
    }
    groups.push({
      group: { key: item.article.id, items: [item], outlets: 0 },
      title,
      shingles,
      published,
    });
  }
  const byKey = new Map(groups.map((entry) => [entry.group.key, entry.group]));
  for (const group of byKey.values())
    group.outlets = new Set(group.items.map((item) => item.article.outlet)).size;
  const firstSeen = new Map<string, number>();
  items.forEach((item, index) => firstSeen.set(item.article.id, index));
  return [...byKey.values()].sort(
    (a, b) =>
      Math.min(...a.items.map((i) => firstSeen.get(i.article.id)!)) -
      Math.min(...b.items.map((i) => firstSeen.get(i.article.id)!)),
  );
}
