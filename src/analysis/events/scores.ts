import table from './scores.json' with { type: 'json' };

const SCORES = table.scores as Record<string, Record<string, number>>;

/** The PLOVER category names this module codes (the keys of the score table). */
export const PLOVER_CATEGORIES: readonly string[] = Object.keys(SCORES);

/**
 * The PLOVER conflict-cooperation score of a category and mode (-10 most conflictual, +10 most
 * cooperative), falling back to the category's default when the mode has no score of its own.
 */
export function ploverScore(category: string, mode: string | null): number {
  const row = SCORES[category];
  if (!row) throw new Error(`unknown PLOVER category ${category}`);
  return (mode === null ? undefined : row[mode]) ?? row['*'] ?? 0;
}

/** PLOVER's material-conflict quad (README of the PLOVER repository). */
export const MATERIAL_CONFLICT: ReadonlySet<string> = new Set([
  'PROTEST',
  'CRIME',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
]);
