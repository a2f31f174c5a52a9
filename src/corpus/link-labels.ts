/**
 * BBC pages mark a link to another site with a hidden label, ", external", and a text copy of
 * the page keeps it inside the sentence: "said on X, external, that ...", "a "right to defend
 * herself, external"". Left in, it ends up in quotes and summaries. It is dropped for BBC
 * outlets only, since elsewhere ", external" is prose ("threats, external and internal").
 */
const BBC = /\bbbc\b/i;
/** The label, not a longer word ("externally"); copies sometimes glue it to the next word. */
const LABEL = / ?, ?external(?![a-z])/g;
const GLUED_TO_AND = / ?, ?external(?=and\s)/g;

/** `body` without BBC link labels when `outlet` is the BBC's; unchanged otherwise. */
export function withoutLinkLabels(body: string, outlet: string): string {
  if (!BBC.test(outlet) || !body.includes('external')) return body;
  return body.replace(GLUED_TO_AND, ' ').replace(LABEL, '');
}
