import { normaliseText } from '../../corpus/article-id.ts';

/** The lookup key of a name: lowercase, diacritics folded, punctuation gone (Vučić → vucic). */
export const nameKey = (name: string): string => normaliseText(name);

/** How many letters carry diacritics: of two spellings of one name, the richer is shown. */
export function diacritics(name: string): number {
  return name.normalize('NFKD').length - name.length;
}
