/**
 * Trains the attribution cue model (`src/analysis/cue-model.ts`) on PolNeAR's train split and
 * writes it to `src/analysis/lexicons/cue-model.json`:
 *
 *   npx tsx scripts/train-cues.ts [train-dir] [--out FILE]
 *
 * train-dir defaults to `../shared/dev-data/polnear/train`. Every candidate word outside quotes
 * is an example; it is positive when it opens a gold Cue span (the first candidate word in
 * it). Logistic regression by stochastic gradient descent, examples shuffled by a seeded
 * generator, so a retrain on the same data writes the same file. Only the train split is
 * read: dev tunes the thresholds in `quotes.ts`, and the test split is never used.
 */
import { writeFileSync } from 'node:fs';
import {
  cueFeatures,
  isCandidate,
  loadCueModel,
  MAX_FEATURES,
  nextQuoteMarks,
  storeCueModel,
  tokenIds,
  type CueModel,
  type StoredCueModel,
} from '../src/analysis/cue-model.ts';
import { pairQuoteMarks } from '../src/analysis/quote-marks.ts';
import { sentenceTokenBounds, tokenQuoteIndex } from '../src/analysis/quotes.ts';
import { splitSentences } from '../src/analysis/sentences.ts';
import { tokenize } from '../src/analysis/tokens.ts';
import { readPolnear, type PolnearArticle } from './polnear.ts';
import { seededRandom } from '../bench/synthetic-corpus.ts';

const VOCABULARY_SIZE = 4000;
const MIN_WORD_COUNT = 4;
const EPOCHS = 8;
const LEARNING_RATE = 0.2;
const L2 = 1e-6;
/** Weights smaller than this are dropped from the stored model. */
const PRUNE_BELOW = 0.3;
const SCALE = 1000;
const SEED = 14;

/** The most frequent words of the training texts, most frequent first (ties alphabetical). */
function buildVocabulary(articles: readonly PolnearArticle[]): string[] {
  const counts = new Map<string, number>();
  for (const { text } of articles)
    for (const token of tokenize(text))
      if (token.kind === 'word') counts.set(token.lower, (counts.get(token.lower) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count >= MIN_WORD_COUNT)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, VOCABULARY_SIZE)
    .map(([word]) => word);
}

interface Examples {
  /** Dense feature ids of example k: features[offsets[k]..offsets[k + 1]). */
  features: Int32Array;
  offsets: Int32Array;
  labels: Uint8Array;
  /** Dense id → feature key. */
  keys: number[];
}

function buildExamples(
  articles: readonly PolnearArticle[],
  vocabulary: Map<string, number>,
): Examples {
  const dense = new Map<number, number>();
  const keys: number[] = [];
  const features: number[] = [];
  const offsets: number[] = [0];
  const labels: number[] = [];
  const scratch = new Int32Array(MAX_FEATURES);
  for (const { text, gold } of articles) {
    const tokens = tokenize(text);
    const sentences = splitSentences(text);
    const quoteOf = tokenQuoteIndex(tokens, pairQuoteMarks(text));
    const bounds = sentenceTokenBounds(tokens, sentences);
    const ids = tokenIds(vocabulary, tokens);
    const nextQuote = nextQuoteMarks(tokens);
    const cueStarts = gold.flatMap((g) => (g.cue ? [g.cue[0]!] : []));
    const positive = new Set<number>();
    for (let s = 0; s < bounds.length; s += 2) {
      const first = bounds[s]!;
      const last = bounds[s + 1]!;
      for (let k = first; k < last; k++) {
        const token = tokens[k]!;
        if (quoteOf[k] !== -1 || !isCandidate(token, k === first)) continue;
        const span = cueStarts.find((cue) => token.start >= cue.start && token.end <= cue.end);
        if (span && !positive.has(span.start)) positive.add(span.start);
        else if (span) continue;
        const n = cueFeatures(tokens, ids, nextQuote, k, first, last, scratch);
        for (let f = 0; f < n; f++) {
          let id = dense.get(scratch[f]!);
          if (id === undefined) {
            id = keys.length;
            dense.set(scratch[f]!, id);
            keys.push(scratch[f]!);
          }
          features.push(id);
        }
        offsets.push(features.length);
        labels.push(span ? 1 : 0);
      }
    }
  }
  return {
    features: Int32Array.from(features),
    offsets: Int32Array.from(offsets),
    labels: Uint8Array.from(labels),
    keys,
  };
}

/** Trains a cue model on `articles`, returned as stored (pruned and rounded) and loaded. */
export function trainCueModel(articles: readonly PolnearArticle[]): {
  stored: StoredCueModel;
  model: CueModel;
  examples: number;
  positives: number;
} {
  const words = buildVocabulary(articles);
  const vocabulary = loadCueModel(storeCueModel(words, new Map(), 0, SCALE)).vocabulary;
  const { features, offsets, labels, keys } = buildExamples(articles, vocabulary);
  const count = labels.length;
  const weights = new Float64Array(keys.length);
  // Averaged SGD: the returned weights are the mean over every step, kept lazily as
  // w - u / steps with u summing step × update, so one example's order matters little.
  const steps = new Float64Array(keys.length);
  let bias = 0;
  let biasSteps = 0;
  let step = 1;
  const order = Int32Array.from({ length: count }, (_, k) => k);
  const next = seededRandom(SEED);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let k = count - 1; k > 0; k--) {
      const j = Math.floor(next() * (k + 1));
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    const rate = LEARNING_RATE / (1 + epoch);
    for (const example of order) {
      let z = bias;
      for (let f = offsets[example]!; f < offsets[example + 1]!; f++) z += weights[features[f]!]!;
      const gradient = 1 / (1 + Math.exp(-z)) - labels[example]!;
      bias -= rate * gradient;
      biasSteps -= step * rate * gradient;
      for (let f = offsets[example]!; f < offsets[example + 1]!; f++) {
        const id = features[f]!;
        const update = -rate * (gradient + L2 * weights[id]!);
        weights[id] = weights[id]! + update;
        steps[id] = steps[id]! + step * update;
      }
      step++;
    }
  }
  const kept = new Map<number, number>();
  keys.forEach((featureKey, id) => {
    const average = weights[id]! - steps[id]! / step;
    if (Math.abs(average) >= PRUNE_BELOW) kept.set(featureKey, average);
  });
  const stored = storeCueModel(words, kept, bias - biasSteps / step, SCALE);
  return {
    stored,
    model: loadCueModel(stored),
    examples: count,
    positives: labels.reduce((sum, label) => sum + label, 0),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt === -1 ? 'src/analysis/lexicons/cue-model.json' : args[outAt + 1]!;
  const dir =
    args.find((arg, index) => !arg.startsWith('--') && index !== outAt + 1) ??
    '../shared/dev-data/polnear/train';
  const { stored, examples, positives } = trainCueModel(readPolnear(dir));
  writeFileSync(out, `${JSON.stringify(stored)}\n`);
  const features = Buffer.from(stored.keys, 'base64').length / 4;
  console.log(
    `${examples} examples (${positives} cues), ${features} features kept, ${stored.vocabulary.length} words -> ${out}`,
  );
}
