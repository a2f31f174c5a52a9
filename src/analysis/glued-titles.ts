/**
 * A text copy of a web page (the BBC's, in `gaza-news`) can glue the titles of its related
 * links onto the sentence they interrupt: "for the institutionProtesters at Yale University
 * set up ...". The glue is a word that starts in lower case and runs into a capitalised one,
 * a shape no English word has ("iPhone" and "eBay" have one lower-case letter).
 *
 * Where the glue falls is kept as the analysis read it: breaking the text there changed which
 * quotes the next "he said" continued, for the worse. What is shown stops at the glue.
 */
const GLUED_TITLE = /(?<![\p{L}\p{N}])\p{Ll}{2,}(?=\p{Lu}\p{Ll})/u;

/** `text` up to the first glued link title: the statement, without the headlines after it. */
export function beforeGluedTitles(text: string): string {
  const match = GLUED_TITLE.exec(text);
  return match ? text.slice(0, match.index + match[0].length) : text;
}

/** True when link titles are glued into `text`. */
export const hasGluedTitles = (text: string): boolean => GLUED_TITLE.test(text);
