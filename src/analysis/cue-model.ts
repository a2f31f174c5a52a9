import { CUES } from './lexicon.ts';
import type { Token } from './tokens.ts';

/**
 * A learned check on attribution cues: a logistic regression over hand-made features of a
 * word and its neighbours, trained on the PolNeAR train split by `scripts/train-cues.ts`. The
 * cue lexicon alone both misses cues news uses ("declined to", "seemed to suggest", "sought")
 * and fires on words that are not cues there ("the calls came", "a government opposed to",
 * "troops were seen"). The model scores each candidate word; the quote rules keep a lexicon cue
 * unless the model is sure it is not one, and add a cue the lexicon lacks when the model is
 * sure it is one.
 *
 * Features are hashed to 32-bit keys from integer word ids, so scoring builds no strings:
 * one map lookup per token for its word id, then integer arithmetic.
 */

export interface CueModel {
  /** Word → id; a word not listed is known by its last three letters. */
  vocabulary: Map<string, number>;
  /** Feature key → weight; absent keys weigh nothing. */
  weights: WeightTable;
  bias: number;
}

/**
 * Feature weights in an open-addressing table of typed arrays: a lookup is a few integer
 * operations, with none of a Map's per-entry objects. Key 0 marks an empty slot (`key()` never
 * returns it).
 */
export class WeightTable {
  private readonly keys: Int32Array;
  private readonly values: Float32Array;
  private readonly mask: number;

  constructor(entries: ReadonlyMap<number, number>) {
    let size = 1024;
    while (size < entries.size * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.values = new Float32Array(size);
    this.mask = size - 1;
    for (const [featureKey, weight] of entries) {
      let slot = Math.imul(featureKey, 0x9e3779b1) & this.mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = featureKey;
      this.values[slot] = weight;
    }
  }

  get(featureKey: number): number {
    let slot = Math.imul(featureKey, 0x9e3779b1) & this.mask;
    for (;;) {
      const found = this.keys[slot]!;
      if (found === featureKey) return this.values[slot]!;
      if (found === 0) return 0;
      slot = (slot + 1) & this.mask;
    }
  }
}

/**
 * The stored form: `keys` (base64 of Int32, ascending) and `weights` (base64 of Int16, each a
 * weight times `scale`) list the features the training kept.
 */
export interface StoredCueModel {
  version: 1;
  vocabulary: string[];
  scale: number;
  bias: number;
  keys: string;
  weights: string;
}

/** Words never scored: auxiliaries, function words, adverbs of degree and time. */
const NOT_CANDIDATES = new Set(
  (
    'the a an and or but nor of to in on at for from with by as that this these those it its is ' +
    'are was were be been being has have had do does did will would can could should may might ' +
    'must shall not never also just still now even only already later then often long more most ' +
    'very so too first there here he she they we i you his her their our my your him them us who ' +
    'which what when where why how if than all any some no one two three about into over after ' +
    'before while because since until up out off again once both each few other such own same'
  ).split(' '),
);

/** Ids of what is not a vocabulary word, after the vocabulary's own. */
const SPECIAL = {
  unknown: 0,
  boundary: 1,
  comma: 2,
  stop: 3,
  colon: 4,
  quote: 5,
  dash: 6,
  bracket: 7,
  number: 8,
  other: 9,
  possessive: 10,
  capital: 11,
};
const FIRST_WORD_ID = 16;
/** Suffix ids live far above word ids. */
const SUFFIX_BASE = 1 << 24;

const enum Template {
  Bias = 1,
  Word,
  Suffix,
  Prev1,
  Prev2,
  Next1,
  Next2,
  PrevWord,
  WordNext,
  CueClass,
  CapitalBefore,
  QuoteNear,
  SentenceStart,
  WordPrevShape,
  WordNextShape,
  ThatSoon,
  PronounBefore,
  Prev3,
  Next3,
  Stem,
  PrevSuffix,
  NextSuffix,
  QuoteAfter,
  NearEnd,
  BeforeTo,
}

const CLASS_IDS: Record<string, number> = { speech: 1, thought: 2, appeal: 3, stance: 4 };
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'who']);

/** Verbs that end like adverbs. */
const LY_VERBS = new Set(['apply', 'imply', 'reply', 'rely', 'supply', 'comply', 'multiply']);

/**
 * A word the model scores. Adverbs ("repeatedly said") and contracted negations ("didn't
 * say") are not: the cue is the verb after them, and the rules keep a negation with it.
 */
export function isCandidate(token: Token, sentenceStart: boolean): boolean {
  const word = token.lower;
  return (
    token.kind === 'word' &&
    (!token.cap || sentenceStart) &&
    token.text.length > 1 &&
    !NOT_CANDIDATES.has(word) &&
    !(word.endsWith('ly') && word.length > 4 && !LY_VERBS.has(word)) &&
    !word.endsWith("n't")
  );
}

/** A 32-bit key for a feature template and up to two ids. */
function key(template: number, a: number, b = 0): number {
  let h = Math.imul(template, 0x9e3779b1) ^ Math.imul(a + 0x7f4a7c15, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ Math.imul(b + 0x165667b1, 0xc2b2ae3d);
  h = Math.imul(h ^ (h >>> 13), 0x297a2d39);
  return (h ^ (h >>> 16)) | 0 || 1;
}

function suffixId(word: string): number {
  let h = SUFFIX_BASE;
  for (let k = Math.max(0, word.length - 3); k < word.length; k++)
    h = Math.imul(h ^ word.charCodeAt(k), 16777619) >>> 0;
  return SUFFIX_BASE + (h % SUFFIX_BASE);
}

/** An id for a word without its inflection ("said" is not "say", but "calls" is "call"). */
function stemId(word: string): number {
  const n = word.length;
  const end = word.endsWith('ing')
    ? n - 3
    : word.endsWith('ed') || word.endsWith('es')
      ? n - 2
      : word.endsWith('s')
        ? n - 1
        : n;
  let h = 0x811c9dc5;
  for (let k = 0; k < end; k++) h = Math.imul(h ^ word.charCodeAt(k), 16777619) >>> 0;
  return h;
}

/** For each token, the index of the next quote mark (or -1): one pass, not one per word. */
export function nextQuoteMarks(tokens: readonly Token[]): Int32Array {
  const next = new Int32Array(tokens.length);
  let after = -1;
  for (let k = tokens.length - 1; k >= 0; k--) {
    next[k] = after;
    if (tokens[k]!.kind === 'quote') after = k;
  }
  return next;
}

function idAt(ids: Int32Array, k: number, first: number, last: number): number {
  return k >= first && k < last ? ids[k]! : SPECIAL.boundary;
}

/** The id of each token: a vocabulary word, a known mark, or an unknown word's suffix. */
export function tokenIds(
  vocabulary: ReadonlyMap<string, number>,
  tokens: readonly Token[],
): Int32Array {
  const ids = new Int32Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    switch (token.kind) {
      case 'word':
        ids[k] = vocabulary.get(token.lower) ?? suffixId(token.lower);
        break;
      case 'number':
        ids[k] = SPECIAL.number;
        break;
      case 'quote':
        ids[k] = SPECIAL.quote;
        break;
      case 'possessive':
        ids[k] = SPECIAL.possessive;
        break;
      default:
        ids[k] =
          token.text === ','
            ? SPECIAL.comma
            : token.text === ':'
              ? SPECIAL.colon
              : /^[.!?;]$/.test(token.text)
                ? SPECIAL.stop
                : /^[—–-]$/.test(token.text)
                  ? SPECIAL.dash
                  : /^[()[\]]$/.test(token.text)
                    ? SPECIAL.bracket
                    : SPECIAL.other;
    }
  }
  return ids;
}

/** 0 lower-case word, 1 capitalised word, 2 pronoun, 3 comma, 4 quote, 5 other mark, 6 edge. */
function shape(token: Token | undefined): number {
  if (!token) return 6;
  if (token.kind === 'word') return PRONOUNS.has(token.lower) ? 2 : token.cap ? 1 : 0;
  if (token.text === ',') return 3;
  if (token.kind === 'quote') return 4;
  return 5;
}

/**
 * The feature keys of the candidate at `index` (in `out`, returning how many). `first` and
 * `last` bound its sentence: neighbours beyond them read as a boundary.
 */
export function cueFeatures(
  tokens: readonly Token[],
  ids: Int32Array,
  nextQuote: Int32Array,
  index: number,
  first: number,
  last: number,
  out: Int32Array,
): number {
  const word = ids[index]!;
  const token = tokens[index]!;
  let n = 0;
  out[n++] = key(Template.Bias, 0);
  out[n++] = key(Template.Word, word);
  out[n++] = key(Template.Suffix, suffixId(token.lower));
  out[n++] = key(Template.Prev1, idAt(ids, index - 1, first, last));
  out[n++] = key(Template.Prev2, idAt(ids, index - 2, first, last));
  out[n++] = key(Template.Prev3, idAt(ids, index - 3, first, last));
  out[n++] = key(Template.Next1, idAt(ids, index + 1, first, last));
  out[n++] = key(Template.Next2, idAt(ids, index + 2, first, last));
  out[n++] = key(Template.Next3, idAt(ids, index + 3, first, last));
  out[n++] = key(Template.PrevWord, idAt(ids, index - 1, first, last), word);
  out[n++] = key(Template.WordNext, word, idAt(ids, index + 1, first, last));
  const cls = CUES.get(token.lower)?.[0]?.cls;
  out[n++] = key(Template.CueClass, cls ? CLASS_IDS[cls]! : 0);
  const prev = index > first ? tokens[index - 1] : undefined;
  const next = index + 1 < last ? tokens[index + 1] : undefined;
  out[n++] = key(Template.WordPrevShape, word, shape(prev));
  out[n++] = key(Template.WordNextShape, word, shape(next));
  out[n++] = key(Template.SentenceStart, index === first ? 1 : 0);
  let capital = 0;
  let pronoun = 0;
  for (let k = index - 1; k >= first && index - k <= 4; k--) {
    const before = tokens[k]!;
    if (before.kind === 'word' && before.cap) capital = capital || index - k;
    if (before.kind === 'word' && PRONOUNS.has(before.lower)) pronoun = pronoun || index - k;
  }
  out[n++] = key(Template.CapitalBefore, capital);
  out[n++] = key(Template.PronounBefore, pronoun);
  let quote = 0;
  for (let k = Math.max(first, index - 3); k < Math.min(last, index + 4); k++)
    if (tokens[k]!.kind === 'quote') quote |= k < index ? 1 : 2;
  out[n++] = key(Template.QuoteNear, quote);
  let that = 0;
  for (let k = index + 1; k < last && k - index <= 4; k++)
    if (tokens[k]!.lower === 'that') {
      that = k - index;
      break;
    }
  out[n++] = key(Template.ThatSoon, that);
  out[n++] = key(Template.Stem, stemId(token.lower));
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  out[n++] = key(
    Template.PrevSuffix,
    before?.kind === 'word' ? suffixId(before.lower) : idAt(ids, index - 1, first, last),
  );
  out[n++] = key(
    Template.NextSuffix,
    after?.kind === 'word' ? suffixId(after.lower) : idAt(ids, index + 1, first, last),
  );
  const quoteAt = nextQuote[index]!;
  const quoteAfter = quoteAt !== -1 && quoteAt < last && quoteAt - index <= QUOTE_LOOKAHEAD ? 1 : 0;
  out[n++] = key(Template.QuoteAfter, quoteAfter);
  out[n++] = key(Template.NearEnd, Math.min(3, last - index - 1));
  // "refused to say", "declined to comment": the word before an infinitive's "to".
  out[n++] = key(
    Template.BeforeTo,
    before?.lower === 'to' ? idAt(ids, index - 2, first, last) : 0,
    word,
  );
  return n;
}

export const MAX_FEATURES = 32;
/** How far a quote after the word is looked for (bounded: a sentence may be a whole text). */
const QUOTE_LOOKAHEAD = 30;

/**
 * The model's probability that each candidate is a cue (NaN for words it does not score).
 * `sentenceBounds` holds each sentence's first and last (exclusive) token as pairs.
 */
export function scoreCues(
  model: CueModel,
  tokens: readonly Token[],
  sentenceBounds: Int32Array,
  inQuote: Int32Array,
): Float32Array {
  const scores = new Float32Array(tokens.length).fill(NaN);
  const ids = tokenIds(model.vocabulary, tokens);
  const nextQuote = nextQuoteMarks(tokens);
  const features = new Int32Array(MAX_FEATURES);
  for (let s = 0; s + 1 < sentenceBounds.length; s += 2) {
    const first = sentenceBounds[s]!;
    const last = sentenceBounds[s + 1]!;
    for (let k = first; k < last; k++) {
      if (inQuote[k] !== -1 || !isCandidate(tokens[k]!, k === first)) continue;
      const n = cueFeatures(tokens, ids, nextQuote, k, first, last, features);
      let z = model.bias;
      for (let f = 0; f < n; f++) z += model.weights.get(features[f]!);
      scores[k] = 1 / (1 + Math.exp(-z));
    }
  }
  return scores;
}

export function loadCueModel(stored: StoredCueModel): CueModel {
  const vocabulary = new Map<string, number>();
  stored.vocabulary.forEach((word, index) => vocabulary.set(word, FIRST_WORD_ID + index));
  const keys = new Int32Array(Uint8Array.from(Buffer.from(stored.keys, 'base64')).buffer);
  const values = new Int16Array(Uint8Array.from(Buffer.from(stored.weights, 'base64')).buffer);
  const weights = new Map<number, number>();
  for (let k = 0; k < keys.length; k++) weights.set(keys[k]!, values[k]! / stored.scale);
  return { vocabulary, weights: new WeightTable(weights), bias: stored.bias };
}

/** Weights are kept to 1/scale and clipped to what an Int16 holds. */
export function storeCueModel(
  vocabulary: readonly string[],
  weights: ReadonlyMap<number, number>,
  bias: number,
  scale: number,
): StoredCueModel {
  const sorted = [...weights.keys()].sort((a, b) => a - b);
  const keys = Int32Array.from(sorted);
  const values = Int16Array.from(sorted, (featureKey) =>
    Math.max(-32767, Math.min(32767, Math.round(weights.get(featureKey)! * scale))),
  );
  return {
    version: 1,
    vocabulary: [...vocabulary],
    scale,
    bias: +bias.toFixed(4),
    keys: Buffer.from(keys.buffer).toString('base64'),
    weights: Buffer.from(values.buffer).toString('base64'),
  };
}
