import type { Span } from '../analysis.ts';
import { STAGE_DIRECTION } from '../../corpus/parse/transcript.ts';
import { fold } from '../tokens.ts';
import { sentenceRole } from './procedural.ts';

/** A passage shorter than this (in words) is an exchange ("I'm ready."), not a statement. */
const MIN_STATEMENT_WORDS = 5;
/** A passage this long may end at its paragraph's end; shorter ones run on into the next. */
const MIN_PASSAGE_WORDS = 15;
/** A passage stops growing past this many words, at a sentence boundary. */
const MAX_PASSAGE_WORDS = 90;
/** A courtesy is short: a longer sentence says something even when it starts with "Thank you". */
const MAX_PHATIC_WORDS = 8;

/** Words of greeting, thanks and turn-taking ("Thank you.", "Go ahead.", "Yeah, you too."). */
const PHATIC = new Set(
  (
    'thank thanks you yeah yes yep yup okay ok sure all right alright hey hi hello good morning ' +
    "afternoon evening night everybody everyone folks guys ma'am maam sir sirs go ahead pardon " +
    'me bet welcome great appreciate it very much so well oh um uh please sorry bye goodbye see ' +
    'next week tomorrow later again too and the a question questions to nice cheers absolutely ' +
    'of course there we are glad be with here pleasure privilege honor honour having me my us'
  ).split(' '),
);

/** "Thank you.", "Thanks, Karine.", "Go ahead." — words of the exchange, not of the subject. */
export function isPhatic(sentence: string): boolean {
  const words = sentence.match(/[\p{L}'’]+/gu) ?? [];
  if (words.length === 0 || words.length > MAX_PHATIC_WORDS) return false;
  let phatic = 0;
  for (const [index, word] of words.entries()) {
    if (PHATIC.has(fold(word))) phatic++;
    // A name addressed after the first word ("Thanks, Karine").
    else if (index === 0 || !/^\p{Lu}/u.test(word)) return false;
  }
  return phatic > 0;
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Cuts one answer turn into statement-sized passages: paragraphs, with a short lead-in joined to
 * what follows and a long paragraph cut at sentence boundaries after about 90 words. Sentences
 * that run the room (greetings, thanks, "Go ahead, Nancy", "over to you", scheduling the
 * questions) and stage directions ("(Laughter.)") are nobody's statement wherever they stand:
 * they end the passage before them, so a passage never contains one. Other courtesies ("Yeah,
 * you too.") are left out at the turn's edges, sentences that name nothing ("Mark, I'm going
 * to leave you to it.") at its end, and a passage that only announces what will be said ("I've
 * got a short topper on Ukraine", "then I'm going to join") is not a statement either.
 *
 * @param sentences the turn's sentences, in order, each with the index of its paragraph
 */
export function passagesOf(
  body: string,
  sentences: readonly (Span & { paragraph: number })[],
): Span[] {
  const roles = sentences.map((sentence) =>
    STAGE_DIRECTION.test(sentence.text) ? 'procedural' : sentenceRole(sentence.text),
  );
  let first = 0;
  let last = sentences.length;
  const skip = (index: number) => roles[index] === 'procedural' || isPhatic(sentences[index]!.text);
  while (first < last && skip(first)) first++;
  // An answer may open with "No, we don't." but what trails after the subject is a hand-off.
  while (last > first && (skip(last - 1) || roles[last - 1] === 'empty')) last--;
  const passages: Span[] = [];
  let current: (Span & { paragraph: number })[] = [];
  let words = 0;
  let says = false;
  const flush = () => {
    if (current.length > 0 && says && words >= MIN_STATEMENT_WORDS) {
      const start = current[0]!.start;
      const end = current.at(-1)!.end;
      passages.push({ start, end, text: body.slice(start, end) });
    }
    current = [];
    words = 0;
    says = false;
  };
  for (let index = first; index < last; index++) {
    const sentence = sentences[index]!;
    if (roles[index] === 'procedural') {
      flush();
      continue;
    }
    const size = wordCount(sentence.text);
    const newParagraph = current.length > 0 && current.at(-1)!.paragraph !== sentence.paragraph;
    if (
      current.length > 0 &&
      words >= MIN_PASSAGE_WORDS &&
      (newParagraph || words + size > MAX_PASSAGE_WORDS)
    )
      flush();
    current.push(sentence);
    words += size;
    if (roles[index] === 'content') says = true;
  }
  flush();
  return passages;
}
