import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyzeArticle } from '../src/analysis/analyze.ts';
import { splitSentences } from '../src/analysis/sentences.ts';
import { analyzeSpeech } from '../src/analysis/speech.ts';
import { newsTexts } from './news-texts.ts';
import { transcriptText } from './transcript-text.ts';

const ARTICLES = 400;
const WORDS = 700;
const TRANSCRIPT_WORDS = 10_000;
const TRANSCRIPT_RUNS = 5;

/**
 * Articles per second of CPU time (user + system) of this process: on a shared, loaded machine
 * wall time measures the neighbours, CPU time measures the work. One untimed pass over the
 * same texts comes first: an analysis thread runs for thousands of articles, so the figure is
 * its steady state, not the first few hundred articles during which V8 still compiles and
 * re-optimises (those ran at 134 articles/s against 250 after, and a 20-article warm-up timed
 * mostly them).
 */
function throughput(texts: readonly string[], work: (text: string) => unknown): number {
  for (const text of texts) work(text);
  const started = process.cpuUsage();
  for (const text of texts) work(text);
  const used = process.cpuUsage(started);
  return texts.length / ((used.user + used.system) / 1e6);
}

/**
 * Analysis throughput on 700-word articles (one thread, per CPU second), its ratio to
 * wink-nlp's plain `readDoc` (tokenise, sentences, POS) over the same texts in the same run,
 * and the CPU seconds one 10,000-word press briefing takes (speaker labels, turns, passages).
 */
export async function run(options: { size?: number } = {}): Promise<Record<string, unknown>> {
  // A run smaller than ARTICLES (the bench's own test) times that many texts instead.
  const articles = Math.min(ARTICLES, options.size ?? ARTICLES);
  const texts = newsTexts(articles, WORDS);
  const nlp = winkNLP(model);
  const ours = throughput(texts, (body) => analyzeArticle({ title: '', body, published: '' }));
  // The people-and-quotes stage alone, to show which stage of the pass costs what.
  const speech = throughput(texts, (text) => analyzeSpeech(text, splitSentences(text)));
  const wink = throughput(texts, (text) => nlp.readDoc(text).tokens().length());
  // A press briefing is one long text: the time it takes is what an ingest of one waits for.
  const transcript = {
    title: 'Press Briefing by Press Secretary Ines Halvorsen and NSC Coordinator John Kirby',
    body: transcriptText(TRANSCRIPT_WORDS),
    published: '',
  };
  const transcriptPerS = throughput(Array(TRANSCRIPT_RUNS).fill(transcript.body), (body) =>
    analyzeArticle({ ...transcript, body }),
  );
  return {
    analysis_articles: articles,
    analysis_words_per_article: WORDS,
    analysis_articles_per_s: Math.round(ours),
    analysis_speech_stage_articles_per_s: Math.round(speech),
    wink_readdoc_articles_per_s: Math.round(wink),
    analysis_ratio_vs_wink: +(ours / wink).toFixed(2),
    analysis_transcript_10k_words_s: +(1 / transcriptPerS).toFixed(3),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await run());
