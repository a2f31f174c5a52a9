/**
 * Outlets end many stories with an appeal to readers ("Are you affected by the issues raised in
 * this story? Share your experiences by emailing haveyoursay@bbc.co.uk ... WhatsApp: +44 ...").
 * Left in the body, it is read as news: "get in touch" became a meeting, "@BBC_HaveYourSay" a
 * place, and the appeal a summary sentence.
 */

/** Only the end of a body is searched: an appeal closes the story. */
const TAIL_CHARS = 1_200;
/** How a reader is told to reach the newsroom. */
const CONTACT =
  /\b(?:get in touch|share your experiences|send your questions|haveyoursay@|yourquestions@|[a-z]+team@)/i;
/**
 * What an appeal always gives: an address or a number. "Officials said they would get in touch
 * with mediators" near a story's end has neither, and stays.
 */
const ADDRESS = /[a-z]@[a-z]|@[a-z_]{3,}|whatsapp|\+\d{2}/i;
/** How soon after the contact words the address comes. */
const ADDRESS_REACH = 300;
/** The question that opens an appeal ("Have you been affected by ...?"), just before the contact. */
const QUESTION_BEFORE = /(?:^|[.?!"”]\s+|\n)([^.?!\n"”\s][^.?!\n]{9,199}\?\s*)$/u;
/** A label that opens an appeal: "Get in touch:". */
const LABEL_BEFORE = /(?:^|[.?!"”]\s+|\n)(get in touch:\s*)$/iu;

/**
 * The body without a closing appeal to readers: from the sentence that gives the contact (and
 * the question or label just before it) to the end, when an address to write to follows the
 * contact words. A body whose appeal would leave nothing is kept whole.
 */
export function withoutReaderAppeal(body: string): string {
  const from = Math.max(0, body.length - TAIL_CHARS);
  const found = CONTACT.exec(body.slice(from));
  if (!found) return body;
  const contact = from + found.index;
  // The start of the contact's sentence.
  let start = contact;
  while (start > 0 && !/[.?!"”\n]/.test(body[start - 1]!)) start--;
  while (start < contact && /\s/.test(body[start]!)) start++;
  for (let asked = 0; asked < 2; asked++) {
    const before = body.slice(Math.max(0, start - 260), start);
    const opener = QUESTION_BEFORE.exec(before) ?? LABEL_BEFORE.exec(before);
    if (!opener) break;
    start -= opener[1]!.length;
  }
  const kept = body.slice(0, start).trimEnd();
  return kept.length > 0 && ADDRESS.test(body.slice(contact, contact + ADDRESS_REACH))
    ? kept
    : body;
}
