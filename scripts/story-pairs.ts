/**
 * Pairwise scoring of story clustering against the hand-labelled pairs in
 * `scripts/data/story-pairs.json` (the measure of Miranda et al. 2018): a pair is predicted
 * "same event" when both articles landed in one story; precision, recall and F1 count the pairs
 * labelled same.
 */
import { readFileSync } from 'node:fs';
/** Two articles, each named by `articleKey()` of dev-articles.ts, and whether they report one event. */
export interface LabelledPair {
  a: string;
  b: string;
  same: boolean;
  kind: string;
}

export function readPairs(): LabelledPair[] {
  const url = new URL('./data/story-pairs.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { pairs: LabelledPair[] }).pairs;
}

export interface PairScores {
  pairs: number;
  precision: number;
  recall: number;
  f1: number;
  /** Per kind of pair: how many the clustering got right. */
  byKind: Map<string, { right: number; total: number }>;
  /** Pairs the clustering got wrong, for reading. */
  wrong: LabelledPair[];
}

/** Scores a clustering given as `articleKey()` -> story id; throws when a labelled article is missing. */
export function scorePairs(
  pairs: readonly LabelledPair[],
  storyOf: ReadonlyMap<string, string>,
): PairScores {
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  const byKind = new Map<string, { right: number; total: number }>();
  const wrong: LabelledPair[] = [];
  for (const pair of pairs) {
    const [a, b] = [pair.a, pair.b].map((side) => {
      const story = storyOf.get(side);
      if (story === undefined) throw new Error(`labelled article not in the corpus: ${side}`);
      return story;
    });
    const predicted = a === b;
    if (predicted && pair.same) truePositive++;
    else if (predicted) falsePositive++;
    else if (pair.same) falseNegative++;
    const tally = byKind.get(pair.kind) ?? { right: 0, total: 0 };
    tally.total++;
    if (predicted === pair.same) tally.right++;
    else wrong.push(pair);
    byKind.set(pair.kind, tally);
  }
  const precision = truePositive / Math.max(1, truePositive + falsePositive);
  const recall = truePositive / Math.max(1, truePositive + falseNegative);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { pairs: pairs.length, precision, recall, f1, byKind, wrong };
}
