/**
 * Finds given terms in folded text (`normaliseText`'s output with a space either side, so that
 * every word starts after a space) in one pass. Topic membership and a story's topic mentions
 * ask this of every ingested article for a few dozen terms; a search of the whole text per term
 * cost more than folding the text.
 */
export interface TermFinder {
  /** Term indexes by the first character code of their folded form. */
  byFirst: Map<number, number[]>;
  terms: readonly string[];
}

/** `terms` are folded (`normaliseText`); empty ones never match. */
export function termFinder(terms: readonly string[]): TermFinder {
  const byFirst = new Map<number, number[]>();
  terms.forEach((term, index) => {
    if (!term) return;
    const first = term.charCodeAt(0);
    byFirst.set(first, [...(byFirst.get(first) ?? []), index]);
  });
  return { byFirst, terms };
}

/**
 * Calls `hit` with the index of each term that begins at a word of `text` (a space before it),
 * once per place, whether it also ends at a word's end (a space after it), and where it begins:
 * a one-word topic term counts as a word prefix, a name as a whole phrase.
 */
export function findTerms(
  finder: TermFinder,
  text: string,
  hit: (index: number, whole: boolean, at: number) => void,
): void {
  for (
    let at = text.indexOf(' ');
    at !== -1 && at + 1 < text.length;
    at = text.indexOf(' ', at + 1)
  ) {
    const candidates = finder.byFirst.get(text.charCodeAt(at + 1));
    if (!candidates) continue;
    for (const index of candidates) {
      const term = finder.terms[index]!;
      if (text.startsWith(term, at + 1))
        hit(index, text.charCodeAt(at + 1 + term.length) === 32, at + 1);
    }
  }
}
