/**
 * The escalation scale alerts speak in (see `StoryUpdate`): 1 tension, 2 posture, 3 coercion,
 * 4 clash, 5 deadly. Users may write the number or the name.
 */
export const SEVERITY_NAMES = ['tension', 'posture', 'coercion', 'clash', 'deadly'] as const;

export type SeverityName = (typeof SEVERITY_NAMES)[number];

/** The choices a command offers for a severity: every number and every name. */
export const SEVERITY_CHOICES: readonly string[] = [
  ...SEVERITY_NAMES.map((_, index) => String(index + 1)),
  ...SEVERITY_NAMES,
];

/** `3`, `coercion` and `Coercion` all give 3; anything else gives null. */
export function parseSeverity(input: string): number | null {
  const text = input.trim().toLowerCase();
  if (/^[1-5]$/.test(text)) return Number(text);
  const index = SEVERITY_NAMES.indexOf(text as SeverityName);
  return index === -1 ? null : index + 1;
}

/** `4 clash`; level 0 reads `0 calm`. */
export function severityLabel(level: number): string {
  const name = level >= 1 && level <= 5 ? SEVERITY_NAMES[level - 1] : 'calm';
  return `${level} ${name}`;
}
