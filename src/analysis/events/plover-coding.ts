import type { EventMention } from '../analysis.ts';

const MODALS = /^(?:would|may|might)$/i;

/**
 * The category a PLOVER coder gives a mention, which folds realis into the category: a threat
 * to attack is coded THREATEN, a promise to withdraw AGREE, a refusal to meet REJECT. Actual
 * events keep their own category. Used to compare with PLOVER-coded records; the events
 * themselves keep category and realis apart.
 */
export function ploverCoding(event: EventMention): string | null {
  if (event.realis === 'actual') return event.category;
  if (event.realis === 'threatened') return 'THREATEN';
  if (event.realis === 'future') return event.score < 0 ? 'THREATEN' : 'AGREE';
  // A conditional or reported intention to act against someone ("would blockade", "may halt
  // mediation if") is a threat.
  if (event.realis === 'hypothetical' && event.realisCue && MODALS.test(event.realisCue))
    return event.score < 0 ? 'THREATEN' : 'AGREE';
  if (event.realis === 'denied' || event.realis === 'negated')
    return event.score > 0 ? 'REJECT' : null;
  return null;
}
