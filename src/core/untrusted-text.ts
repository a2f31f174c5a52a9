/**
 * Characters that change how text around them is displayed without being seen themselves:
 * bidirectional embeddings, overrides, isolates and marks (a right-to-left override makes
 * "gpj.exe" read "exe.jpg"), and zero-width spaces, joiners and the word joiner (which hide a
 * look-alike name or split a word a reader or a filter would recognise). No news title, outlet
 * or link needs them, and a chat client obeys them, so they are removed from untrusted text.
 */
const INVISIBLE = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Untrusted text (article titles, outlets, bodies, links) without invisible formatting characters. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
