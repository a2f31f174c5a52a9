const BARS = '▁▂▃▄▅▆▇█';

/**
 * A one-line chart of a series for text-only platforms: eight bar heights scaled to `max`
 * (default the series' own maximum); a missing value prints as a space, a zero as the lowest bar.
 */
export function sparkline(values: readonly (number | null)[], max?: number): string {
  const top = max ?? Math.max(0, ...values.filter((value): value is number => value !== null));
  return values
    .map((value) => {
      if (value === null) return ' ';
      if (top <= 0) return BARS[0];
      const level = Math.round((Math.max(0, Math.min(value, top)) / top) * (BARS.length - 1));
      return BARS[level];
    })
    .join('');
}
