import type { Span } from './analysis.ts';
import { contentWords, cosine, pickDiverse, termCounts, termVector } from './terms.ts';

export const SUMMARY_SENTENCES = 3;

/** Sentences shorter or longer than this (in words) are captions, datelines or run-ons. */
const MIN_WORDS = 6;
const MAX_WORDS = 70;
/** Only this many leading sentences compete: news puts what matters first. */
const CANDIDATE_WINDOW = 12;

const WEIGHT_POSITION = 1.0;
const WEIGHT_CENTRALITY = 0.3;
const WEIGHT_TITLE = 0.25;
/** How much a candidate's overlap with already chosen sentences costs it (MMR). */
const REDUNDANCY_PENALTY = 0.6;

/** Lines that are page furniture rather than reporting. */
const BOILERPLATE =
  /^(by\b|published:|updated:|last updated|scroll down|click here|read more|follow\b|share this|advertisement|photo:|image:|video:|pictured:|watch:)/i;

/**
 * Whether a sentence asks, and so reports nothing: "What will it take for Israel to declare
 * mission accomplished in Gaza and end the war?", a subtitle an NPR page ran into its text.
 */
export const isQuestion = (text: string): boolean => /\?["'”’»)\]]*$/.test(text);

function isCandidate(text: string, words: number): boolean {
  return (
    words >= MIN_WORDS && words <= MAX_WORDS && !BOILERPLATE.test(text.trim()) && !isQuestion(text)
  );
}

/**
 * The article's best sentences, in reading order. News already front-loads its facts, so
 * position carries most of the weight; centrality (closeness to the article's TF-IDF centroid)
 * and overlap with the title lift a later sentence that states the core of the story, and
 * maximal marginal relevance keeps a second sentence from restating the first. Bylines, captions
 * and fragments never compete. This beats plain Lead-3 on news (see docs/briefing.md).
 */
export function summarizeSentences(
  sentences: readonly Span[],
  title = '',
  count = SUMMARY_SENTENCES,
): string[] {
  const words = sentences.map((sentence) => contentWords(sentence.text));
  const candidates = sentences
    .map((sentence, index) => ({ sentence, index, words: words[index]! }))
    .filter(
      (item) =>
        item.index < CANDIDATE_WINDOW &&
        isCandidate(item.sentence.text, item.sentence.text.split(/\s+/).length),
    );
  if (candidates.length <= count) {
    // A short article: its opening sentences, short ones included, minus page furniture.
    const opening = sentences.filter((sentence) => !BOILERPLATE.test(sentence.text.trim()));
    return (opening.length > 0 ? opening : sentences)
      .slice(0, count)
      .map((sentence) => sentence.text);
  }

  // One pass gives each word's sentence count and its count in the whole text (the centroid's
  // terms, in the order the words first come): no set per sentence, no copy of every word.
  const documentFrequency = new Map<string, number>();
  const lastSentence = new Map<string, number>();
  const articleCounts = new Map<string, number>();
  words.forEach((list, index) => {
    for (const word of list) {
      articleCounts.set(word, (articleCounts.get(word) ?? 0) + 1);
      if (lastSentence.get(word) === index) continue;
      lastSentence.set(word, index);
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    }
  });
  const idf = (word: string) => Math.log(1 + sentences.length / (documentFrequency.get(word) ?? 1));
  // The counts become the weights in place (setting a key keeps its order).
  const weighCounts = (vector: Map<string, number>) => {
    for (const [word, n] of vector) vector.set(word, n * idf(word));
    return termVector(vector);
  };
  const weigh = (list: readonly string[]) => weighCounts(termCounts(list));
  const centroid = weighCounts(articleCounts);
  const titleVector = weigh(contentWords(title));

  const scored = candidates.map((item) => {
    const vector = weigh(item.words);
    const relevance =
      WEIGHT_POSITION / (1 + item.index) +
      WEIGHT_CENTRALITY * cosine(vector, centroid) +
      WEIGHT_TITLE * cosine(vector, titleVector);
    return { sentence: item.sentence, index: item.index, vector, relevance };
  });

  const chosen = pickDiverse(scored, count, REDUNDANCY_PENALTY);
  return chosen.sort((a, b) => a.index - b.index).map((item) => item.sentence.text);
}
