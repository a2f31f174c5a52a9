const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Longest snooze: a week, so a forgotten snooze does not silence a channel for good. */
export const MAX_SNOOZE_MS = 7 * 86_400_000;

/** `90m`, `6h`, `1d`, `1h30m` in milliseconds; null for anything else. */
export function parseDuration(input: string): number | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, '');
  if (!/^(\d{1,4}[mhd])+$/.test(text)) return null;
  let total = 0;
  for (const match of text.matchAll(/(\d+)([mhd])/g)) total += Number(match[1]) * UNITS[match[2]!]!;
  return total > 0 ? total : null;
}
