import { hasGluedTitles } from '../analysis/glued-titles.ts';
import { isVerbLike } from '../analysis/lexicon.ts';
import { splitSentences } from '../analysis/sentences.ts';
import type { SourceGroup } from './syndication.ts';
import { headNamesTopic } from './topic-focus.ts';

export interface TellingQuote {
  speaker: string;
  text: string;
  group: string;
}

const MAX_QUOTES = 3;
const MIN_WORDS = 6;
const MAX_WORDS = 45;
/** A speaker with a name (capitalised), not a bare common noun. */
const NAMED = /^\p{Lu}/u;

/** Words that end a document's name; not "programme" or "fund" (the World Food Programme speaks). */
const DOCUMENTS = new Set(
  'report study survey statement document letter resolution declaration memorandum order law bill act treaty agreement accord plan proclamation'.split(
    ' ',
  ),
);

/**
 * "According to the report": the analysis keeps a document as the source of what it says, but
 * a briefing's quotes are voices a reader can weigh, and "report" (or "UN report") names none.
 */
const isDocument = (speaker: string) => DOCUMENTS.has(speaker.split(' ').at(-1)!.toLowerCase());

const wordsOf = (text: string) => text.split(/\s+/).length;

/** Pronouns that open a quote as the object of its cue ("called it ...", "urged them ..."). */
const OBJECTS = new Set(['it', 'them', 'him', 'her']);
/** Verbs after such a pronoun that make it a clause's subject ("it was a mistake"). */
const FINITE = new Set(
  'is was are were has had have will would could can should may might must'.split(' '),
);

/** A word broken off before a dash: "conversat- —". */
const BROKEN_OFF = /\p{L}-\s+[—–-]/u;
/** A dash set off by spaces, where a speaker stops and starts again. */
const DASH = /\s[—–]\s/gu;
/** A word that cannot end a thought, just before such a dash: "the commitment he made on —". */
const DANGLING =
  /(?<![\p{L}'’])(?:the|a|an|of|on|in|at|to|for|with|and|or|that|we|i|it|is|are|was)$/iu;
/** One or two words said again within a few words after the dash: "massed — massed". */
const REPEATED =
  /((?:[\p{L}'’]+\s+)?[\p{L}'’]+)\s+(?:[\p{L}'’]+\s+){0,4}[—–]\s+(?:[\p{L}'’]+\s+){0,2}\1(?![\p{L}])/iu;
/** How far either side of a dash a restart is looked for. */
const AROUND_DASH = 80;

/**
 * Whether a speaker restarts in `text`, as a transcript keeps it: a word broken off ("conversat-
 * —"), a dash after a word that cannot end a thought ("the commitment he made on — in
 * continuing"), or words said again after a dash ("that's why he's having — that's why his
 * team", "massed — massed", "the three doctors — there were three doctors"). `/who` keeps such
 * a statement as said; a briefing's telling quote reads better without it. Only the text around
 * each dash is read: a briefing tries thousands of quotes, and a pattern over every word of each
 * had made `/briefing` half as slow again.
 */
function restarts(text: string): boolean {
  if (BROKEN_OFF.test(text)) return true;
  for (const dash of text.matchAll(DASH)) {
    const before = text.slice(Math.max(0, dash.index - AROUND_DASH), dash.index);
    if (DANGLING.test(before)) return true;
    if (REPEATED.test(before + text.slice(dash.index, dash.index + AROUND_DASH))) return true;
  }
  return false;
}

/**
 * A quote of a readable length, or the first sentence of a long one (or of one a speaker
 * restarts) that names the topic: a press briefing's turn runs for paragraphs, and its one
 * sentence on Ukraine is the telling part. Without a leading "that"; none that opens with its
 * cue's object ("it Israel's proposal" of "called it Israel's proposal"), nor one a speaker
 * restarts (`restarts`). Null when neither is there.
 */
function readableQuote(quoted: string, about: (text: string) => boolean): string | null {
  // A mixed quote's "that" belongs to the cue the briefing leaves out: `that "the time is now"`.
  const text = quoted.replace(/^that\s+/, '');
  // "called it Israel's proposal": without its cue, an object and what it was called.
  const [first = '', second = ''] = text.split(/\s+/, 2);
  if (OBJECTS.has(first) && !isVerbLike(second.toLowerCase()) && !FINITE.has(second)) return null;
  const words = wordsOf(text);
  if (words < MIN_WORDS) return null;
  if (words <= MAX_WORDS && !restarts(text)) return text;
  // A long quote, or one its speaker restarts, gives its first fluent sentence on the topic.
  for (const sentence of splitSentences(text)) {
    const length = wordsOf(sentence.text);
    if (
      length >= MIN_WORDS &&
      length <= MAX_WORDS &&
      about(sentence.text) &&
      !restarts(sentence.text)
    )
      return sentence.text;
  }
  return null;
}

/**
 * Two or three quotes worth reading: direct quotes with a known speaker, one per speaker,
 * preferring the most-mentioned people and quotes of a readable length, newest stories first.
 * Quotes come from the who helper's analysis (`Analysis.quotes`); without it there are none.
 * `nameOf` gives a speaker the name the people registry shows (the article may have spelt it
 * otherwise: "Vucic" for "Vučić"). Quotes that name the topic (`about`) come first. From a
 * report whose title and lead do not name the topic (a press briefing's transcript, an article
 * that turns to the topic further down) only those are taken: such a report says many things,
 * and "France is a vital global partner" is no telling quote of a Ukraine briefing. A long
 * quote gives its sentence on the topic (`readableQuote`). When the whole window only names the
 * topic in passing (`passingOnly`), no report is about it.
 */
export function tellingQuotes(
  groups: readonly SourceGroup[],
  prominent: readonly string[],
  nameOf: (speaker: string) => string = (speaker) => speaker,
  about: (text: string) => boolean = () => true,
  passingOnly = false,
): TellingQuote[] {
  const rank = (speaker: string) => {
    const index = prominent.indexOf(speaker);
    return index === -1 ? prominent.length : index;
  };
  const found: (TellingQuote & { order: number; onTopic: boolean })[] = [];
  groups.forEach((group, order) => {
    const { analysis, article } = group.items[0]!;
    const focused = !passingOnly && headNamesTopic(article, about);
    for (const quote of analysis?.quotes ?? []) {
      if (quote.kind === 'indirect' || !quote.speaker || isDocument(quote.speaker)) continue;
      // What only the cue model found is an attribution in the broad sense, not something said:
      // "The IDF approved “operational plans for an offensive in Lebanon” a month ago".
      if (quote.learned) continue;
      // "government", "spokesperson", "latest government figures": no one a reader can weigh.
      if (!NAMED.test(quote.speaker)) continue;
      if (hasGluedTitles(quote.content.text)) continue;
      const text = readableQuote(quote.content.text, about);
      if (text === null) continue;
      const speaker = nameOf(quote.speaker);
      const onTopic = about(text);
      if (onTopic || focused) found.push({ speaker, text, group: group.key, order, onTopic });
    }
  });
  found.sort(
    (a, b) =>
      Number(b.onTopic) - Number(a.onTopic) ||
      rank(a.speaker) - rank(b.speaker) ||
      a.order - b.order,
  );
  const speakers = new Set<string>();
  const chosen: TellingQuote[] = [];
  for (const quote of found) {
    if (speakers.has(quote.speaker) || chosen.length >= MAX_QUOTES) continue;
    speakers.add(quote.speaker);
    chosen.push({ speaker: quote.speaker, text: quote.text, group: quote.group });
  }
  return chosen;
}
