import { cosine, pickDiverse, termCounts, termVector, type TermVector } from '../analysis/terms.ts';
import { mentionsTopic, type Topic } from '../corpus/topics.ts';
import { featuresOf, type CandidateSentence } from './article-features.ts';
import type { SourceGroup } from './syndication.ts';

/** A summary sentence and the groups (stories as reported) that state it. */
export interface RankedSentence {
  text: string;
  groups: string[];
}

export const MIN_SUMMARY_SENTENCES = 4;
export const MAX_SUMMARY_SENTENCES = 6;

/** Two sentences this close (cosine of content words) say the same thing: keep one, cite both. */
const SAME_SENTENCE = 0.75;
const WEIGHT_CENTRALITY = 1.0;
const WEIGHT_POSITION = 0.35;
const WEIGHT_SUPPORT = 0.2;
/**
 * A sentence from a report of deadly violence outranks one from an apology or a feature of the
 * same week: a conflict briefing says first what happened.
 */
const WEIGHT_SEVERITY = 0.2;
const MAX_LEVEL = 5;
const REDUNDANCY_PENALTY = 0.7;

interface Candidate {
  text: string;
  groups: Set<string>;
  /** Best (lowest) position in an article: 0 is a lead. */
  position: number;
  /** Earliest publication among the articles that state it, for reading order. */
  published: string;
  /** The gravest severity among the articles that state it. */
  level: number;
  words: string[];
  counts: TermVector;
}

/**
 * Ranks sentences across a topic's stories: candidates are each article's stored summary and
 * its lead, so a briefing never re-analyses whole bodies. Near-identical sentences from several
 * stories merge into one that cites them all; a sentence scores by its closeness to the TF-IDF
 * centroid of all candidates (what the coverage is about), its position (leads carry the news),
 * how many stories state it and how grave the news of its reports is, and maximal marginal relevance keeps the picks distinct.
 * The chosen sentences come back in the order their events were first reported. With a topic,
 * only sentences about it count: the topic is named in the sentence or near it (its paragraph,
 * or a few hundred characters either side in a body written as one paragraph), so a document
 * that names the topic once never lends the briefing its unrelated opening; a week with no such
 * sentence falls back to the whole paragraphs.
 */
export function rankAcrossStories(
  groups: readonly SourceGroup[],
  topic?: Pick<Topic, 'terms'>,
  wanted = MAX_SUMMARY_SENTENCES,
): RankedSentence[] {
  // Sentences whose nearby text names the topic; failing any, those whose paragraph does, so a
  // week that names the topic only deep in long bodies still says what it is about.
  const near = collect(groups, topic && ((sentence) => mentionsTopic(sentence.context, topic)));
  const candidates =
    near.length > 0 || !topic
      ? near
      : collect(groups, (sentence) => mentionsTopic(sentence.paragraph, topic));
  if (candidates.length === 0) return [];

  const documentFrequency = new Map<string, number>();
  for (const candidate of candidates)
    for (const word of new Set(candidate.words))
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const weigh = (words: readonly string[]) => {
    const vector = new Map<string, number>();
    for (const [word, n] of termCounts(words))
      vector.set(word, n * Math.log(1 + candidates.length / (documentFrequency.get(word) ?? 1)));
    return termVector(vector);
  };
  const centroid = weigh(candidates.flatMap((candidate) => candidate.words));
  const scored = candidates.map((candidate) => {
    const vector = weigh(candidate.words);
    return {
      candidate,
      vector,
      relevance:
        WEIGHT_CENTRALITY * cosine(vector, centroid) +
        WEIGHT_POSITION / (1 + candidate.position) +
        WEIGHT_SUPPORT * Math.log2(candidate.groups.size) +
        (WEIGHT_SEVERITY * candidate.level) / MAX_LEVEL,
    };
  });

  const count = Math.min(
    scored.length,
    Math.max(MIN_SUMMARY_SENTENCES, Math.min(wanted, MAX_SUMMARY_SENTENCES)),
  );
  const chosen = pickDiverse(scored, count, REDUNDANCY_PENALTY);
  return chosen
    .map((item) => item.candidate)
    .sort((a, b) => a.published.localeCompare(b.published) || a.position - b.position)
    .map((candidate) => ({ text: candidate.text, groups: [...candidate.groups] }));
}

/**
 * The candidate sentences of the groups that `about` accepts (all when it is undefined), each
 * said once: near-identical sentences from several stories merge into one citing them all.
 */
function collect(
  groups: readonly SourceGroup[],
  about: ((sentence: CandidateSentence) => boolean) | undefined,
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const group of groups) {
    for (const item of group.items) {
      const { published } = item.article;
      const features = featuresOf(item);
      for (const sentence of features.candidates) {
        if (about && !about(sentence)) continue;
        const { text, position, words, vector } = sentence;
        const twin = candidates.find((other) => cosine(vector, other.counts) >= SAME_SENTENCE);
        if (twin) {
          twin.groups.add(group.key);
          twin.position = Math.min(twin.position, position);
          twin.level = Math.max(twin.level, features.level);
          if (published < twin.published) twin.published = published;
          continue;
        }
        candidates.push({
          text,
          position,
          published,
          level: features.level,
          groups: new Set([group.key]),
          words,
          counts: vector,
        });
      }
    }
  }
  return candidates;
}
