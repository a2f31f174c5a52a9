import type { Analysis, Analyzer } from './analysis.ts';
import { splitSentences } from './sentences.ts';
import { detectEvents } from './events/detect.ts';
import { analyzeSpeech } from './speech.ts';
import { issuerStatements, statementIssuer } from './official-statement.ts';
import { SUMMARY_SENTENCES, summarizeSentences } from './summarize.ts';
import { analyzeTranscript } from './transcript/analyze-transcript.ts';
import { transcriptTurns } from '../corpus/parse/transcript.ts';

/**
 * The single analysis pass run on each article at ingest. Each stage (entities and quotes,
 * events, summary) reads the same sentence split; stages not built yet return nothing rather
 * than a guess. A transcript (speaker-labelled turns) is read turn by turn instead. A statement
 * issued under a person's name gives them its paragraphs (`official-statement.ts`).
 */
export const analyzeArticle: Analyzer = (article): Analysis => {
  const sentences = splitSentences(article.body);
  const transcript = transcriptTurns(article.body);
  if (transcript) return analyzeTranscript(article, sentences, transcript);
  const speech = analyzeSpeech(article.body, sentences, [], article.published);
  const issuer = statementIssuer(article.title);
  return {
    entities: speech.entities,
    quotes: issuer ? [...issuerStatements(article.body, issuer), ...speech.quotes] : speech.quotes,
    people: speech.people,
    ...(issuer && { issuer }),
    events: detectEvents(article.body, sentences, {
      title: article.title,
      published: article.published,
    }),
    summary: summarizeSentences(sentences, article.title, SUMMARY_SENTENCES),
  };
};
