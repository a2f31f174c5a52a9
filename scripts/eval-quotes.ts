/**
 * Scores quote extraction against PolNeAR (brat standoff): precision, recall and F1 of content
 * spans (any overlap, and exact after trimming punctuation) and speaker accuracy on matched
 * quotes. Overlap: a predicted content counts when it overlaps a gold content, a gold content
 * when some prediction overlaps it; the one-to-one variant credits each prediction to only
 * its best gold, so one long prediction covering two gold contents recalls one. Usage: `npm run eval:quotes -- <polnear-split-dir>` (the folder holding text/ and
 * attributions/). One annotator per article: the first in name order.
 */
import type { Quote } from '../src/analysis/analysis.ts';
import { analyzeArticle } from '../src/analysis/analyze.ts';
import { fold } from '../src/analysis/tokens.ts';
import {
  readPolnear,
  type Fragment,
  type GoldAttribution,
  type PolnearArticle,
} from './polnear.ts';

const overlap = (a: Fragment, b: Fragment) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const overlapAll = (a: Fragment, bs: readonly Fragment[]) =>
  bs.reduce((sum, b) => sum + overlap(a, b), 0);

function trimmed(text: string, span: Fragment): string {
  return text.slice(span.start, span.end).replace(/^[\s"“”'‘’,.:;—–-]+|[\s"“”'‘’,.:;—–-]+$/g, '');
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

const PRONOUN_SOURCE = /^(he|she|they|it|we|i|you|who|which|that|his|her|their|its|him|them)$/i;

/**
 * The name a gold source refers to: itself, or for a bare pronoun ("he", "who") the nearest
 * earlier gold source that is not one. PolNeAR links no coreference, so this chain over its
 * own sources stands in for "the name it refers to".
 */
function goldReferents(gold: readonly GoldAttribution[]): (string | null)[] {
  const order = gold
    .map((g, index) => ({ index, start: g.source?.[0]?.start ?? -1 }))
    .filter((entry) => entry.start >= 0)
    .sort((a, b) => a.start - b.start);
  const referents: (string | null)[] = gold.map(() => null);
  let lastName: string | null = null;
  for (const { index } of order) {
    const sourceText = (gold[index]!.sourceText ?? '').trim();
    if (PRONOUN_SOURCE.test(sourceText)) referents[index] = lastName;
    else {
      referents[index] = sourceText;
      if (/\p{Lu}/u.test(sourceText)) lastName = sourceText;
    }
  }
  return referents;
}

/** Scores `analyze` on PolNeAR articles: the figures `npm run eval:quotes` prints. */
export function scoreQuotes(
  articlesToScore: readonly PolnearArticle[],
  analyze: (text: string) => Quote[],
  verbose = false,
) {
  let predicted = 0;
  let predictedMatched = 0;
  let goldTotal = 0;
  let goldMatched = 0;
  let goldTouched = 0;
  let exactMatched = 0;
  let speakerPairs = 0;
  let speakerCorrect = 0;
  let speakerBySpan = 0;
  let articles = 0;
  for (const { stem, text, gold } of articlesToScore) {
    articles++;
    const quotes = analyze(text);
    predicted += quotes.length;
    goldTotal += gold.length;
    const referents = goldReferents(gold);
    const goldHit = new Set<number>();
    const exactGold = new Set<number>();
    for (const quote of quotes) {
      let best = -1;
      let bestOverlap = 0;
      gold.forEach((g, index) => {
        const o = overlapAll(quote.content, g.content);
        if (o > bestOverlap) {
          bestOverlap = o;
          best = index;
        }
      });
      if (best === -1) {
        if (verbose) console.log(`FP ${stem}: ${quote.content.text.slice(0, 120)}`);
        continue;
      }
      predictedMatched++;
      goldHit.add(best);
      const g = gold[best]!;
      const envelope = {
        start: Math.min(...g.content.map((f) => f.start)),
        end: Math.max(...g.content.map((f) => f.end)),
      };
      if (trimmed(text, quote.content) === trimmed(text, envelope)) exactGold.add(best);
      if (g.source) {
        speakerPairs++;
        const bySpan = quote.source !== null && overlapAll(quote.source, g.source) > 0;
        const goldWords = ` ${fold(`${g.sourceText ?? ''} ${referents[best] ?? ''}`).replace(/[^\p{L}]+/gu, ' ')} `;
        const surname = fold(quote.speaker ?? '')
          .split(/[^\p{L}]+/u)
          .filter(Boolean)
          .at(-1);
        const byName = surname !== undefined && goldWords.includes(` ${surname} `);
        if (bySpan) speakerBySpan++;
        if (bySpan || byName) speakerCorrect++;
        else if (verbose)
          console.log(
            `SPK ${stem}: gold="${g.sourceText}" pred="${quote.source?.text}"=>${quote.speaker}`,
          );
      }
    }
    if (verbose)
      gold.forEach((g, index) => {
        if (!goldHit.has(index))
          console.log(
            `FN${quotes.some((quote) => overlapAll(quote.content, g.content) > 0) ? '-SHARED' : ''} ${stem}: [${g.cueText}] ${g.content
              .map((f) => text.slice(f.start, f.end))
              .join(' … ')
              .slice(0, 140)}`,
          );
      });
    goldMatched += goldHit.size;
    goldTouched += gold.filter((g) =>
      quotes.some((quote) => g.content.some((fragment) => overlap(quote.content, fragment) > 0)),
    ).length;
    exactMatched += exactGold.size;
  }
  const p = predictedMatched / Math.max(1, predicted);
  const r = goldTouched / Math.max(1, goldTotal);
  const oneToOneR = goldMatched / Math.max(1, goldTotal);
  const exactP = exactMatched / Math.max(1, predicted);
  const exactR = exactMatched / Math.max(1, goldTotal);
  const result = {
    articles,
    gold_attributions: goldTotal,
    predicted_quotes: predicted,
    content_overlap: { precision: +p.toFixed(3), recall: +r.toFixed(3), f1: +f1(p, r).toFixed(3) },
    content_overlap_one_to_one: {
      precision: +p.toFixed(3),
      recall: +oneToOneR.toFixed(3),
      f1: +f1(p, oneToOneR).toFixed(3),
    },
    content_exact: {
      precision: +exactP.toFixed(3),
      recall: +exactR.toFixed(3),
      f1: +f1(exactP, exactR).toFixed(3),
    },
    speaker_accuracy: {
      matched_with_gold_source: speakerPairs,
      correct: speakerCorrect,
      accuracy: +(speakerCorrect / Math.max(1, speakerPairs)).toFixed(3),
      source_span_overlap_only: +(speakerBySpan / Math.max(1, speakerPairs)).toFixed(3),
    },
  };
  return result;
}

/** Prints the figures for one split with the analysis as shipped. */
function main(dir: string): void {
  const result = scoreQuotes(
    readPolnear(dir),
    (text) => analyzeArticle({ title: '', body: text, published: '' }).quotes,
    process.env['EVAL_VERBOSE'] === '1',
  );
  console.log(JSON.stringify(result, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npm run eval:quotes -- <polnear-split-dir>');
    process.exit(2);
  }
  main(dir);
}
