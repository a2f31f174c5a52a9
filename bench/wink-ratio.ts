import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Analyzer } from '../src/analysis/analysis.ts';
import type { ArticleInput } from '../src/corpus/article.ts';

export interface AnalysisSpeed {
  /** Articles per CPU-second, best of the rounds. */
  analysis_articles_per_s: number;
  wink_articles_per_s: number;
  /** sitrep's analysis throughput divided by wink-nlp `readDoc` on the same texts. */
  analysis_ratio_vs_wink: number;
}

/** CPU seconds (user + system) this process spends on one pass of `work` over the texts. */
function cpuSeconds(articles: readonly ArticleInput[], work: (article: ArticleInput) => unknown) {
  const before = process.cpuUsage();
  for (const article of articles) work(article);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/**
 * The yardstick for analysis cost: the full sitrep analysis pass against wink-nlp's plain
 * `readDoc` (tokenise, POS, built-in entities) on the same bodies, in the same process, on one
 * core. Rounds alternate and count CPU time, not wall time, so other load on the machine
 * does not tilt the ratio. A ratio above 1 means sitrep analyses faster than wink merely reads.
 */
export function measureAnalysisSpeed(
  analyze: Analyzer,
  articles: readonly ArticleInput[],
  rounds = 3,
): AnalysisSpeed {
  const nlp = winkNLP(model);
  const read = (article: ArticleInput) => nlp.readDoc(article.body);
  cpuSeconds(articles, analyze);
  cpuSeconds(articles, read);
  let analysisSeconds = Infinity;
  let winkSeconds = Infinity;
  for (let round = 0; round < rounds; round++) {
    analysisSeconds = Math.min(analysisSeconds, cpuSeconds(articles, analyze));
    winkSeconds = Math.min(winkSeconds, cpuSeconds(articles, read));
  }
  const analysis = Math.round((articles.length / analysisSeconds) * 10) / 10;
  const wink = Math.round((articles.length / winkSeconds) * 10) / 10;
  return {
    analysis_articles_per_s: analysis,
    wink_articles_per_s: wink,
    analysis_ratio_vs_wink: Math.round((analysis / wink) * 1000) / 1000,
  };
}
