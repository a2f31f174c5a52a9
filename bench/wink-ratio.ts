import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Analyzer } from '../src/analysis/analysis.ts';
import type { ArticleInput } from '../src/corpus/article.ts';

export interface AnalysisSpeed {
  analysis_articles_per_s: number;
  wink_articles_per_s: number;
  /** sitrep's analysis throughput divided by wink-nlp `readDoc` on the same texts. */
  analysis_ratio_vs_wink: number;
}

/** Articles per second of `work` over all texts, best of `rounds` (after one warm-up round). */
function throughput(
  articles: readonly ArticleInput[],
  work: (article: ArticleInput) => unknown,
  rounds: number,
): number {
  let best = 0;
  for (let round = 0; round <= rounds; round++) {
    const started = performance.now();
    for (const article of articles) work(article);
    const seconds = (performance.now() - started) / 1000;
    if (round > 0) best = Math.max(best, articles.length / seconds);
  }
  return Math.round(best * 10) / 10;
}

/**
 * The yardstick for analysis cost: the full sitrep analysis pass against wink-nlp's plain
 * `readDoc` (tokenise, POS, built-in entities) on the same bodies, in the same process, on one
 * core. A ratio above 1 means sitrep analyses faster than wink merely reads.
 */
export function measureAnalysisSpeed(
  analyze: Analyzer,
  articles: readonly ArticleInput[],
  rounds = 2,
): AnalysisSpeed {
  const nlp = winkNLP(model);
  const analysis = throughput(articles, analyze, rounds);
  const wink = throughput(articles, (article) => nlp.readDoc(article.body), rounds);
  return {
    analysis_articles_per_s: analysis,
    wink_articles_per_s: wink,
    analysis_ratio_vs_wink: Math.round((analysis / wink) * 1000) / 1000,
  };
}
