/**
 * Cross-validates the quote analysis with its cue model on a PolNeAR split, to show how the
 * rules and the model do on articles neither was tuned on:
 *
 *   npx tsx scripts/cv-quotes.ts [train-dir] [--folds 5]
 *
 * The split's articles are dealt into k folds (article i goes to fold i mod k). For each
 * fold, a cue model is trained on the other folds and the fold is analysed with it; the
 * quotes of all folds are then scored together, with the same figures as `npm run eval:quotes`.
 * `lexicon` in the output is the same score with no model at all (the rules alone).
 */
import { analyzeSpeech } from '../src/analysis/speech.ts';
import { splitSentences } from '../src/analysis/sentences.ts';
import type { CueModel } from '../src/analysis/cue-model.ts';
import { scoreQuotes } from './eval-quotes.ts';
import { readPolnear } from './polnear.ts';
import { trainCueModel } from './train-cues.ts';

const args = process.argv.slice(2);
const foldsAt = args.indexOf('--folds');
const folds = foldsAt === -1 ? 5 : Number(args[foldsAt + 1]);
const dir =
  args.find((arg, index) => !arg.startsWith('--') && index !== foldsAt + 1) ??
  '../shared/dev-data/polnear/train';
const articles = readPolnear(dir);
const modelOf = new Map<string, CueModel>();
for (let fold = 0; fold < folds; fold++) {
  const { model } = trainCueModel(articles.filter((_, index) => index % folds !== fold));
  articles.forEach((article, index) => {
    if (index % folds === fold) modelOf.set(article.text, model);
  });
  console.error(`fold ${fold + 1}/${folds} trained`);
}
const analyze = (text: string, cueModel: CueModel | null) =>
  analyzeSpeech(text, splitSentences(text), [], '', { cueModel }).quotes;
console.log(
  JSON.stringify(
    {
      folds,
      model: scoreQuotes(articles, (text) => analyze(text, modelOf.get(text)!)),
      lexicon: scoreQuotes(articles, (text) => analyze(text, null)),
    },
    null,
    2,
  ),
);
