import type { Analysis, Analyzer } from './analysis.ts';
import { splitSentences } from './sentences.ts';
import { detectEvents } from './events/detect.ts';
import { summarizeSentences } from './summarize.ts';
import { analyzeSpeech } from './speech.ts';

const SUMMARY_SENTENCES = 3;

/**
 * The single analysis pass run on each article at ingest. Each stage (entities and quotes,
 * events, summary) reads the same sentence split; stages not built yet return nothing rather
 * than a guess.
 */
export const analyzeArticle: Analyzer = (article): Analysis => {
  const sentences = splitSentences(article.body);
  const speech = analyzeSpeech(article.body, sentences);
  return {
    entities: speech.entities,
    quotes: speech.quotes,
    people: speech.people,
    events: detectEvents(article.body, sentences),
    summary: summarizeSentences(sentences, article.title, SUMMARY_SENTENCES),
  };
};
