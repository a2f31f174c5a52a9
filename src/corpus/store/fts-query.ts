/**
 * Builds an FTS5 MATCH expression from plain terms. Every term is quoted, so nothing a user
 * types can inject FTS syntax; single words match as prefixes (`kosov` finds Kosovo and
 * Kosovar), multi-word terms as phrases. Returns null when no term has a letter or digit.
 */
export function ftsMatch(terms: readonly string[]): string | null {
  const parts = terms
    .map((term) => term.replace(/[^\p{L}\p{N}\s'-]+/gu, ' ').trim())
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .map((term) => {
      const quoted = `"${term.replace(/"/g, '""')}"`;
      return /\s/.test(term) ? quoted : `${quoted}*`;
    });
  return parts.length > 0 ? [...new Set(parts)].join(' OR ') : null;
}
