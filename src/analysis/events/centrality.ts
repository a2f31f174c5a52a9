import type { EventMention } from '../analysis.ts';

/** The lead: the sentences a news report opens with, where it says what happened. */
const LEAD = 2;
const LEAD_WEIGHT = [0.9, 0.7];
/** The first third of the body, then the rest. */
const EARLY_WEIGHT = 0.35;
const LATE_WEIGHT = 0.2;
/** Each further sentence telling of the same incident adds this much. */
const REPEAT_WEIGHT = 0.15;

/** An incident: a kind of event at a place ("ASSAULT@Banjska"); null when it is not placed. */
const incident = (event: EventMention) => (event.place ? `${event.category}@${event.place}` : null);

/**
 * How central each event is to its article, from 0 to 1: 1 when the title reports the same
 * kind of event (its PLOVER category), else by where its sentence stands (the lead weighs most,
 * the end least), plus a little for every other sentence that tells of the same incident (the
 * same kind of event at the same place: an article about a battle comes back to it, a passing
 * mention does not; a war's vocabulary spread over unplaced sentences is not one incident).
 * Sets `centrality` in place; `sentenceOf[i]` is the sentence index of `events[i]`. Without
 * a `lead` (an explainer under a question title) the opening sentences weigh as the rest of the
 * first third: what it recalls to explain is central only when it keeps coming back to it.
 */
export function assignCentrality(
  events: EventMention[],
  sentenceOf: readonly number[],
  sentenceCount: number,
  titleCategories: ReadonlySet<string>,
  lead = true,
): void {
  const toldIn = new Map<string, Set<number>>();
  events.forEach((event, at) => {
    const key = incident(event);
    if (event.realis !== 'actual' || key === null) return;
    const set = toldIn.get(key) ?? new Set<number>();
    set.add(sentenceOf[at]!);
    toldIn.set(key, set);
  });
  events.forEach((event, at) => {
    const sentence = sentenceOf[at]!;
    if (titleCategories.has(event.category)) {
      event.centrality = 1;
      return;
    }
    const position =
      (lead ? LEAD_WEIGHT[sentence] : undefined) ??
      (sentence < Math.max(LEAD, sentenceCount / 3) ? EARLY_WEIGHT : LATE_WEIGHT);
    const key = incident(event);
    const sentences = key === null ? undefined : toldIn.get(key);
    const repeats = Math.max(0, (sentences?.size ?? 0) - (sentences?.has(sentence) ? 1 : 0));
    event.centrality = Math.min(1, +(position + REPEAT_WEIGHT * repeats).toFixed(2));
  });
}
