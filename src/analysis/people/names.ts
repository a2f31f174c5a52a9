import { normaliseText } from '../../corpus/article-id.ts';

/** The lookup key of a name: lowercase, diacritics folded, punctuation gone (Vučić → vucic). */
export const nameKey = (name: string): string => normaliseText(name);

/** How many letters carry diacritics: of two spellings of one name, the richer is shown. */
export function diacritics(name: string): number {
  return name.normalize('NFKD').length - name.length;
}

/** Edit distance, for "did you mean" suggestions. */
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
