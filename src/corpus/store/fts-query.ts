/**
 * Builds an FTS5 MATCH expression from plain terms. Every term is quoted, so nothing a user
 * types can inject FTS syntax; single words match as prefixes (`kosov` finds Kosovo and
 * Kosovar), multi-word terms as phrases; with a `column`, terms match that column exactly.
 * Returns null when no term has a letter or digit.
 */
export function ftsMatch(terms: readonly string[], column?: 'tags'): string | null {
  const parts = terms
    .map((term) => term.replace(/[^\p{L}\p{N}\s'-]+/gu, ' ').trim())
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .map((term) => {
      const quoted = `"${term.replace(/"/g, '""')}"`;
      const phrase = column ? quoted : /\s/.test(term) ? quoted : `${quoted}*`;
      return column ? `${column} : ${phrase}` : phrase;
    });
  return parts.length > 0 ? [...new Set(parts)].join(' OR ') : null;
}
