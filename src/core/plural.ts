/**
 * A count with its noun in the right number: `plural(1, 'outlet')` is "1 outlet",
 * `plural(3, 'story', 'stories')` "3 stories". Counts are printed with thousands separators,
 * since replies and CLI summaries show corpus sizes.
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}
