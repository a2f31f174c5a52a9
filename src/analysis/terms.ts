import { foldedWords } from './folded-words.ts';
/**
 * Content words for sentence ranking: lowercased, diacritics folded, short function words
 * dropped. Shared by the per-article summary and the multi-document briefing so that both rank
 * sentences on the same vocabulary.
 */
const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as into onto about over under after ' +
    'before between through during without within against among than then so too very can could ' +
    'would should will shall may might must do does did done doing have has had having be is am are ' +
    'was were been being it its it’s this that these those there their they them he him his she her ' +
    'we our us you your i me my who whom whose which what when where why how all any both each few ' +
    'more most other some such no nor not only own same just also said says say told tell one two ' +
    'new not up down out off again further once here s t don now mr mrs ms'
  ).split(' '),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

export function contentWords(text: string): string[] {
  return foldedWords(text).filter((word) => word.length > 1 && !STOPWORDS.has(word));
}

/** Term counts of a word list. */
export function termCounts(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** A sparse term vector with its length computed once, for repeated similarity tests. */
export interface TermVector {
  weights: ReadonlyMap<string, number>;
  norm: number;
}

export function termVector(weights: ReadonlyMap<string, number>): TermVector {
  let sum = 0;
  for (const weight of weights.values()) sum += weight * weight;
  return { weights, norm: Math.sqrt(sum) };
}

/** Cosine similarity of two term vectors (0 when either is empty). */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small.weights) {
    const other = large.weights.get(term);
    if (other !== undefined) dot += weight * other;
  }
  return dot / (a.norm * b.norm);
}

/**
 * Maximal marginal relevance: picks up to `count` items, each time the one whose relevance
 * minus `penalty` times its closest similarity to those already picked is highest, so a summary
 * says several things instead of one thing several times. Returns them in the order picked.
 */
export function pickDiverse<T extends { relevance: number; vector: TermVector }>(
  items: readonly T[],
  count: number,
  penalty: number,
): T[] {
  const chosen: T[] = [];
  while (chosen.length < count) {
    let best: T | undefined;
    let bestScore = -Infinity;
    for (const item of items) {
      if (chosen.includes(item)) continue;
      const redundancy = Math.max(0, ...chosen.map((other) => cosine(item.vector, other.vector)));
      const score = item.relevance - penalty * redundancy;
      if (score > bestScore) {
        best = item;
        bestScore = score;
      }
    }
    if (!best) break;
    chosen.push(best);
  }
  return chosen;
}
