import type { QuoteKind, Span } from './analysis.ts';
import { defaultCueModel } from './cue-model-default.ts';
import { scoreCues, type CueModel } from './cue-model.ts';
import {
  CLAUSE_ONLY_CUES,
  CUES,
  CUE_PHRASES,
  RUN_BY,
  STOP_WORDS,
  isAdverb,
  isVerbLike,
  type CueClass,
} from './lexicon.ts';
import { reportsNoSpeech } from './clause-only-cues.ts';
import { CONJUNCTIONS, rightContentStart, settingsEnd } from './quote-content.ts';
import { inFurniture, pageFurniture, type Range } from './page-furniture.ts';
import type { QuoteSpan } from './quote-marks.ts';
import type { Token } from './tokens.ts';

/** One attribution found by the rules, in token indexes; speakers are resolved afterwards. */
export interface Attribution {
  kind: QuoteKind;
  content: { start: number; end: number };
  /** Token range [first, last) of the source phrase, or null (a quote with no named source). */
  source: { first: number; last: number } | null;
  /** `learned`: the cue model found it, not the lexicon. */
  cue: { first: number; last: number; learned: boolean } | null;
  /** For a quote with no source: the attribution it continues, whose speaker it shares. */
  continues: Attribution | null;
  sentence: number;
}

/** The tokens and sentences of one text, with what the rules need to look up per token. */
export interface QuoteContext {
  text: string;
  tokens: readonly Token[];
  sentences: readonly Span[];
  quotes: readonly QuoteSpan[];
  /** The cue model to consult: the shipped one when absent, none (lexicon only) when null. */
  cueModel?: CueModel | null;
}

/** Words between a source and its verb that belong to neither ("he has also said"). */
const AUXILIARIES = new Set(
  (
    'has have had also was were is are will would could may might did does do not never long now ' +
    'repeatedly previously later earlier then once again publicly reportedly recently first ' +
    'further only already still even often just originally subsequently privately separately ' +
    'quickly flatly had been has been have been himself herself themselves itself pointedly ' +
    'explicitly angrily bluntly simply clearly openly immediately last'
  ).split(' '),
);
/** Forms of "continue", which passes its subject to the verb after "to". */
const CONTINUING = new Set(['continue', 'continues', 'continued', 'continuing']);
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'who', 'which', 'you']);
const NP_INNER = new Set([
  'the',
  'a',
  'an',
  'of',
  'for',
  'at',
  'his',
  'her',
  'their',
  'its',
  'our',
  'this',
  'that',
  'these',
  'those',
  'some',
  'many',
  'most',
  'several',
  'other',
  'both',
  'two',
  'three',
  'four',
  'five',
  'all',
  'and',
  'in',
  'on',
  'to',
  'from',
]);
const NP_CANNOT_START = new Set(['of', 'for', 'at', 'and', 'in', 'on', 'to', 'from', 'that']);
/** Words that open a subordinate clause ("As Israel broadened its offensive, ..."). */
const SUBORDINATORS = new Set(
  'as while although though because since if when after before until once unless'.split(' '),
);
/** Words capitalised at a sentence's start that link it to the last: "But Hamas continues to ...". */
const SENTENCE_LINKS = new Set([
  ...SUBORDINATORS,
  ...'but and so yet meanwhile however now still'.split(' '),
]);
const CONTINUATION_GERUNDS = new Set([
  'adding',
  'saying',
  'noting',
  'stressing',
  'warning',
  'arguing',
  'explaining',
  'insisting',
  'claiming',
  'suggesting',
  'calling',
  'urging',
  'stating',
  'emphasizing',
  'emphasising',
  'pointing',
  'acknowledging',
  'describing',
  'citing',
  'telling',
  'asking',
  'vowing',
  'promising',
]);
const MAX_SOURCE_TOKENS = 9;
const MIN_CONTENT_WORDS = 2;

interface Found {
  first: number;
  last: number;
  cls: CueClass;
  /** Found by the cue model alone, not the lexicon. */
  learned?: boolean;
  /** In the passive ("he is seen as"): its subject is not its source. */
  passive?: boolean;
}

/** Below this, the model overrules the lexicon: the word is not a cue here. */
const VETO_BELOW = 0.15;
/** Above this, a word the lexicon lacks is a cue. */
const ADD_ABOVE = 0.2;
/** Words that belong to a learned cue ("referring to", "critical of", "talked about"). */
const PARTICLES = new Set(['to', 'of', 'about', 'on', 'for', 'with', 'that']);
/**
 * Auxiliaries the model may score high beside a quote but that never say who spoke: "Not
 * having a specific visa scheme, the letter said, "..."" made "Not" a speaker through "having".
 */
const NEVER_LEARNED = new Set(
  (
    'have has had having do does did doing is are was were be been being ' +
    // "Protesters held a banner", "he has held hard to his goal": holding says nothing, nor
    // does coming ("Israel has come under pressure", "his comments come as ...").
    'hold holds held holding come comes came coming'
  ).split(' '),
);

/**
 * The cue at token `index`, if a cue starts there (longest phrase first): a lexicon cue the
 * model does not overrule, or a word the model is sure of.
 */
function cueAt(tokens: readonly Token[], index: number, scores: Float32Array | null): Found | null {
  const token = tokens[index]!;
  if (token.kind !== 'word') return null;
  for (const phrase of CUE_PHRASES) {
    if (phrase[0] !== token.lower) continue;
    if (phrase.every((word, k) => tokens[index + k]?.lower === word))
      return { first: index, last: index + phrase.length, cls: 'phrase' };
  }
  const score = scores?.[index] ?? NaN;
  const entries = CUES.get(token.lower);
  if (entries && !token.cap) {
    if (afterBe(tokens, index) || DETERMINERS.has(tokens[index - 1]?.lower ?? '')) return null;
    if (WELCOME.has(token.lower) && welcomesGuest(tokens, index + 1)) return null;
    if (CLAUSE_ONLY_CUES.has(token.lower) && reportsNoSpeech(tokens, index + 1)) return null;
    // "declined to say": the model scores "declined" as the cue; the verb keeps it here.
    const declined =
      tokens[index - 1]?.lower === 'to' && NEGATIONS.has(tokens[index - 2]?.lower ?? '');
    if (score < VETO_BELOW && !declined) return null;
    for (const entry of entries) {
      if (entry.rest.every((word, k) => tokens[index + 1 + k]?.lower === word))
        return {
          first: index,
          last: index + 1 + entry.rest.length,
          cls: entry.cls,
          ...(isPassive(tokens, index) ? { passive: true } : {}),
        };
    }
    return null;
  }
  if (!(score > ADD_ABOVE) || NEVER_LEARNED.has(token.lower)) return null;
  const next = tokens[index + 1]?.lower ?? '';
  // "declined to say whether": the lexicon's verb is the cue, and the rules keep "declined".
  if (next === 'to' && CUES.has(tokens[index + 2]?.lower ?? '')) return null;
  // "Hamas continued to launch rockets": only a lexicon cue after "continued to" reports speech.
  if (tokens[index - 1]?.lower === 'to' && CONTINUING.has(tokens[index - 2]?.lower ?? ''))
    return null;
  const particle = PARTICLES.has(next) && next !== 'that';
  return { first: index, last: index + (particle ? 2 : 1), cls: 'stance', learned: true };
}

/** Whom a host welcomes, in lower case: "welcomed participants to the discussion". */
const GUESTS = new Set(
  'participants guests visitors volunteers delegates delegations attendees them him her everyone'.split(
    ' ',
  ),
);
/** "welcome", which says something of a decision and nothing of a guest. */
const WELCOME = new Set(['welcome', 'welcomes', 'welcomed', 'welcoming']);

/**
 * Whether the words from `from` name whom someone welcomes: "President Biden will welcome
 * German Chancellor Olaf Scholz to the White House" is a visit, not a statement, and so is
 * "welcomed participants to the discussion". A name with a possessive ("welcomed Israel's
 * decision") is the owner of what is welcomed.
 */
function welcomesGuest(tokens: readonly Token[], from: number): boolean {
  if (GUESTS.has(tokens[from]?.lower ?? '')) return true;
  if (!tokens[from]?.cap) return false;
  for (let k = from; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (token.kind === 'possessive') return false;
    const joins = (token.lower === 'of' || token.lower === 'and') && tokens[k + 1]?.cap;
    if (!(isWord(token) && token.cap) && !joins && token.text !== '.') break;
  }
  return true;
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** A cue's word after one of these is a noun: "Those fears have spiked", "the claims". */
const DETERMINERS = new Set(
  'the a an this these those such his her their its our my your'.split(' '),
);
const PARTICIPLES = new Set([
  'seen',
  'told',
  'said',
  'known',
  'thought',
  'shown',
  'found',
  'heard',
]);

/** Adverbs without "-ly" between "be" and its participle: "are still believed to be hiding". */
const PASSIVE_ADVERBS = new Set('still also now already long often not never'.split(' '));

/**
 * "He is seen as too soft", "they were told to leave": a cue in the passive says what others
 * think of or told its subject, so the subject is not its source; the attribution keeps none.
 */
function isPassive(tokens: readonly Token[], index: number): boolean {
  const word = tokens[index]!.lower;
  if (!word.endsWith('ed') && !PARTICIPLES.has(word)) return false;
  let k = index - 1;
  while (
    k >= 0 &&
    isWord(tokens[k]) &&
    (isLyAdverb(tokens[k]!) || PASSIVE_ADVERBS.has(tokens[k]!.lower))
  )
    k--;
  return BE.has(tokens[k]?.lower ?? '');
}

/**
 * "Secretary Blinken was back in the region": after a form of "be" a verb is a participle
 * ("was told", "is understood") or in "-ing"; a cue's bare form there ("back", whose past
 * "backed" is a cue too) is an adverb or adjective.
 */
function afterBe(tokens: readonly Token[], index: number): boolean {
  const word = tokens[index]!.lower;
  const bare = CUES.has(`${word}ed`) || CUES.has(`${word}d`);
  return bare && BE.has(tokens[index - 1]?.lower ?? '');
}

function isWord(token: Token | undefined): boolean {
  return token?.kind === 'word';
}

/** For each token, the index of the quote it lies in, or -1. */
export function tokenQuoteIndex(
  tokens: readonly Token[],
  quotes: readonly QuoteSpan[],
): Int32Array {
  const quoteOf = new Int32Array(tokens.length).fill(-1);
  let q = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    while (q < quotes.length && quotes[q]!.end <= token.start) q++;
    if (q < quotes.length && quotes[q]!.start <= token.start) quoteOf[t] = q;
  }
  return quoteOf;
}

/** Each sentence's first and last (exclusive) token index, as consecutive pairs. */
export function sentenceTokenBounds(
  tokens: readonly Token[],
  sentences: readonly Span[],
): Int32Array {
  const bounds = new Int32Array(sentences.length * 2);
  let t = 0;
  sentences.forEach((sentence, s) => {
    while (t < tokens.length && tokens[t]!.end <= sentence.start) t++;
    bounds[2 * s] = t;
    while (t < tokens.length && tokens[t]!.start < sentence.end) t++;
    bounds[2 * s + 1] = t;
  });
  return bounds;
}

/**
 * Finds attributions sentence by sentence: "X said (that) ...", "..., X said", "..., said X",
 * "according to X, ...", "X called on Y to ...", then the direct quotes no cue claimed, which
 * continue the nearest earlier attribution of their paragraph.
 */
export function findAttributions(context: QuoteContext): Attribution[] {
  const { tokens, sentences, quotes } = context;
  const quoteOf = tokenQuoteIndex(tokens, quotes);
  const bounds = sentenceTokenBounds(tokens, sentences);
  const model = context.cueModel === undefined ? defaultCueModel() : context.cueModel;
  const scores = model ? scoreCues(model, tokens, bounds, quoteOf) : null;
  const attributions: Attribution[] = [];
  const furniture = pageFurniture(context.text);
  sentences.forEach((sentence, s) => {
    if (inFurniture(furniture, sentence.start)) return;
    attributions.push(
      ...sentenceAttributions(context, quoteOf, scores, bounds[2 * s]!, bounds[2 * s + 1]!, s),
    );
  });
  attributions.sort((a, b) => a.content.start - b.content.start);
  const kept = dropOverlaps(
    attributions.filter(
      (a) =>
        context.text.slice(a.content.start, a.content.end).trim().split(/\s+/).length >=
        MIN_CONTENT_WORDS,
    ),
  );
  addUnclaimedQuotes(context, kept, furniture);
  return kept.sort((a, b) => a.content.start - b.content.start);
}

function sentenceAttributions(
  context: QuoteContext,
  quoteOf: Int32Array,
  scores: Float32Array | null,
  first: number,
  last: number,
  sentence: number,
): Attribution[] {
  const { tokens } = context;
  const found: Attribution[] = [];
  let claimedUntil = first;
  for (let index = first; index < last; index++) {
    if (quoteOf[index] !== -1) continue;
    const cue = cueAt(tokens, index, scores);
    if (!cue) continue;
    const previous = found.at(-1);
    // "X said ..., according to the Local Democracy Reporting Service": the statement is X's,
    // and the phrase names who relayed it, not a second speaker of the same words.
    if (cue.cls === 'phrase' && previous && relayedBy(context, previous, cue)) {
      previous.content.end = Math.min(previous.content.end, tokens[cue.first - 1]!.start);
      continue;
    }
    const joint = previous === undefined ? -1 : continuationJoint(tokens, index);
    const continuation = joint !== -1;
    const conjunction =
      !continuation && index < claimedUntil ? coordinatedClause(tokens, index, first) : -1;
    if (index < claimedUntil && !continuation && conjunction === -1) continue;
    const attribution =
      cue.cls === 'phrase'
        ? accordingTo(context, quoteOf, cue, first, last, sentence)
        : continuation
          ? continued(context, quoteOf, cue, previous!, last, sentence)
          : verbAttribution(context, quoteOf, cue, first, last, sentence);
    if (!attribution) continue;
    if (continuation && previous)
      previous.content.end = Math.min(
        previous.content.end,
        tokens[joint - 1]?.end ?? tokens[joint]!.start,
      );
    if (conjunction !== -1 && previous) {
      if (attribution.source && attribution.source.first <= conjunction)
        attribution.source = { first: conjunction + 1, last: attribution.source.last };
      let cut = conjunction;
      if (/^[,;—–-]$/.test(tokens[cut - 1]?.text ?? '')) cut--;
      previous.content.end = Math.min(previous.content.end, tokens[cut - 1]!.end);
    }
    found.push(attribution);
    claimedUntil = Math.max(
      claimedUntil,
      tokenAtOrAfter(tokens, attribution.content.end, index + 1),
    );
    index = Math.max(index, cue.last - 1);
  }
  return found;
}

/**
 * Where a second statement of the same source starts: ", adding that ...", ", even suggesting
 * ..." or "... and called for ...". Returns the index of the comma or "and", or -1.
 */
function continuationJoint(tokens: readonly Token[], cue: number): number {
  const word = tokens[cue]!.lower;
  let k = cue - 1;
  if (isWord(tokens[k]) && tokens[k]!.lower.endsWith('ly') && isAdverb(tokens[k]!.lower)) k--;
  if (isWord(tokens[k]) && (tokens[k]!.lower === 'even' || tokens[k]!.lower === 'also')) k--;
  const joint = tokens[k];
  if (joint?.text === ',' && (CONTINUATION_GERUNDS.has(word) || word.endsWith('ing'))) return k;
  if (joint?.lower === 'and' && !word.endsWith('ing'))
    return tokens[k - 1]?.text === ',' ? k - 1 : k;
  return -1;
}

/**
 * "... — and he noted that ...": a new clause with its own source and cue. Returns the index
 * of the conjunction, or -1.
 */
function coordinatedClause(tokens: readonly Token[], cue: number, first: number): number {
  for (let k = cue - 1; k > first && cue - k <= 4; k--) {
    const word = tokens[k]!.lower;
    if (word === 'and' || word === 'but' || word === 'while') return k < cue - 1 ? k : -1;
    if (!isWord(tokens[k]) || (!tokens[k]!.cap && !PRONOUNS.has(word) && !NP_INNER.has(word)))
      return -1;
  }
  return -1;
}

function tokenAtOrAfter(tokens: readonly Token[], offset: number, from: number): number {
  let k = from;
  while (k < tokens.length && tokens[k]!.start < offset) k++;
  return k;
}

/** Last token of the sentence that content may include (drops the final stop). */
function contentLast(tokens: readonly Token[], last: number): number {
  let end = last;
  while (end > 0 && tokens[end - 1]!.kind === 'punct' && /[.!?;,:—–-]/.test(tokens[end - 1]!.text))
    end--;
  return end;
}

/** The quotes overlapping [start, end): a binary search, as articles may hold thousands. */
function quotesIn(quotes: readonly QuoteSpan[], start: number, end: number): QuoteSpan[] {
  let low = 0;
  let high = quotes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (quotes[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  const found: QuoteSpan[] = [];
  for (let k = low; k < quotes.length && quotes[k]!.start < end; k++) found.push(quotes[k]!);
  return found;
}

function kindOf(context: QuoteContext, start: number, end: number): QuoteKind {
  const inner = quotesIn(context.quotes, start, end);
  if (inner.length === 0) return 'indirect';
  const covered = inner.reduce(
    (sum, quote) => sum + Math.min(end, quote.end) - Math.max(start, quote.start),
    0,
  );
  const text = context.text.slice(start, end).replace(/[\s,.]+/g, '');
  const opensWithQuote = inner.some((quote) => quote.start <= start + 1);
  return opensWithQuote && covered >= text.length * 0.9 ? 'direct' : 'mixed';
}

/** Widens content to whole quotes it cuts through (a quote that runs over several sentences). */
function widenToQuotes(
  context: QuoteContext,
  start: number,
  end: number,
): { start: number; end: number } {
  let from = start;
  let to = end;
  for (const quote of quotesIn(context.quotes, start, end)) {
    if (quote.start < from) from = quote.start;
    if (quote.end > to) to = quote.end;
  }
  return { start: from, end: to };
}

function wordCount(tokens: readonly Token[], first: number, last: number): number {
  let n = 0;
  for (let k = first; k < last; k++)
    if (tokens[k]!.kind === 'word' || tokens[k]!.kind === 'number') n++;
  return n;
}

/** Words that open a relative clause set off by commas after a source. */
const RELATIVE_WORDS = new Set(['who', 'whom', 'whose', 'which']);

/** Words after which a verb is a dependent clause's: "Nir Oz, where the men were abducted from". */
const CLAUSE_LINKS = new Set(['that', 'where', 'when', 'while', 'as', 'after', 'before', 'since']);
/**
 * Past tenses that are no participle ("the home, located in Gaza City, became one of the
 * deadliest strikes"): a description never has one outside a relative clause.
 */
const SIMPLE_PASTS = new Set(
  'became began came went saw took gave rose fell broke ran wrote spoke grew knew drew flew threw drove chose'.split(
    ' ',
  ),
);
/** A clause's own verb ("Israel has been scaling back"); an appositive has none. */
const FINITE_AUXILIARIES = new Set('has have had is are was were will would'.split(' '));
/** Words that open an object after a verb: "received the bodies", "fired two missiles". */
const OBJECT_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'these']);

/**
 * Whether the words from `from` to `to` tell an action (a verb with its object, "the hospital
 * received the bodies of 18 people", or a tense, "Israel has been scaling back"), so they are
 * the sentence's content and no appositive of a source after them: "In Khan Younis, the focus
 * of the offensive, the hospital received the bodies ..., said Saleh al-Hamms" is his, not the
 * offensive's. A participle describes ("a student injured in the attack"), and a verb after
 * "who" or "where" is a dependent clause's.
 */
function tellsAction(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to - 1; k++) {
    const word = tokens[k]!;
    if (RELATIVE_WORDS.has(word.lower) || CLAUSE_LINKS.has(word.lower)) return false;
    if (FINITE_AUXILIARIES.has(word.lower) || SIMPLE_PASTS.has(word.lower)) return true;
    if (
      isWord(word) &&
      !word.cap &&
      !word.lower.endsWith('ing') &&
      (isVerbLike(word.lower) || word.lower.endsWith('ed')) &&
      OBJECT_OPENERS.has(tokens[k + 1]!.lower)
    )
      return true;
  }
  return false;
}

/** How far back an appositive source may start ("Kirby, the NSC spokesman, said"). */
const MAX_APPOSITIVE_TOKENS = 30;

/** The full stop of an abbreviation in a name ("Sen.", "Gov.", "Mr."). */
function isAbbreviationDot(tokens: readonly Token[], dot: number): boolean {
  const before = tokens[dot - 1];
  return isWord(before) && before!.cap && before!.text.length <= 4;
}

/** Nouns ending in -ly, which the adverb test must not step over. */
const LY_NOUNS = new Set([
  'ally',
  'rally',
  'family',
  'supply',
  'assembly',
  'anomaly',
  'monopoly',
  'reply',
]);
const NEGATIONS = new Set(['not', 'never', 'cannot', 'declined', 'refused', 'declines', 'refuses']);

function isLyAdverb(token: Token): boolean {
  const word = token.lower;
  return (
    word.endsWith('ly') &&
    !token.cap &&
    ((word.length >= 5 && !LY_NOUNS.has(word)) || isAdverb(word))
  );
}

/**
 * Steps back over the auxiliaries, negations and adverbs between a source and its cue ("has
 * also not said", "declined to say", "forcefully denied"); returns the last token before them.
 */
function skipAuxiliaries(tokens: readonly Token[], from: number, floor: number): number {
  let k = from;
  for (;;) {
    const token = tokens[k];
    // "He's not saying": the contraction is an auxiliary after a pronoun.
    if (token?.kind === 'possessive' && PRONOUNS.has(tokens[k - 1]?.lower ?? '')) {
      k--;
      continue;
    }
    if (k < floor || !isWord(token) || token!.cap) return k;
    const word = token!.lower;
    if (AUXILIARIES.has(word) || word.endsWith("n't") || isLyAdverb(token!)) k--;
    else if (word === 'to' && NEGATIONS.has(tokens[k - 1]?.lower ?? '')) k -= 2;
    // "Protesters continued to call for ...": the source comes before "continued to".
    else if (word === 'to' && CONTINUING.has(tokens[k - 1]?.lower ?? '')) k -= 2;
    else return k;
  }
}

/**
 * The cue as read: a negation before it belongs to it ("did not say whether", "declined to
 * say"), since a statement shown without it would claim the opposite.
 */
function withNegation(tokens: readonly Token[], cue: Found, floor: number): Found {
  let before = skipAuxiliaries(tokens, cue.first - 1, floor) + 1;
  if (tokens[before]?.kind === 'possessive') before++;
  for (let k = before; k < cue.first; k++) {
    const word = tokens[k]!.lower;
    if (NEGATIONS.has(word) || word.endsWith("n't")) return { ...cue, first: before };
  }
  return cue;
}

/** The noun phrase ending just before `end` (exclusive), skipping auxiliaries and adverbs. */
function sourceBefore(
  tokens: readonly Token[],
  end: number,
  floor: number,
): { first: number; last: number } | null {
  let k = skipAuxiliaries(tokens, end - 1, floor);
  if (k < floor) return null;
  // "Kirby, the NSC spokesman, said", "Jane Roe, 21, a student from Reno, said": step over
  // the appositives to the name.
  if (tokens[k]?.text === ',') {
    // ", vowing to ...", ", saying ...": the clause before names who, however it is told.
    const gerund = tokens[end]?.lower.endsWith('ing') === true;
    let commas = 0;
    for (let c = k - 1; c > floor && k - c < MAX_APPOSITIVE_TOKENS; c--) {
      const token = tokens[c]!;
      if (token.kind === 'quote' || (token.text === '.' && !isAbbreviationDot(tokens, c))) break;
      if (token.text !== ',') continue;
      const inner = k - c > 1 ? sourceBefore(tokens, c, floor) : null;
      // "The prime minister, who is seen as soft on Hamas, said": a relative clause describes
      // the source and names no one who speaks. The source may be a description after a name
      // ("Canon Dan Tyndall, the vicar of St Mary Redcliffe, who led the service, said"), but
      // not a name after another ("In a letter to Sir Lindsay, Clerk of the House of Commons
      // Tom Goldsmith, who advises on procedure, warned").
      if (inner && inner.last === c && RELATIVE_WORDS.has(tokens[c + 1]!.lower)) {
        const opening = tokens[inner.first - 1]?.text === ',' ? inner.first : inner.first - 1;
        const described = tokens[opening - 1]?.text === ',' && !tokens[opening]!.cap;
        return (described && sourceBefore(tokens, c + 1, floor)) || inner;
      }
      if (inner && inner.last === c && (gerund || !tellsAction(tokens, c + 1, k)))
        return { first: inner.first, last: k };
      if (++commas >= 3) break;
    }
    return null;
  }
  // "state Sen. Jason Holsman (D) said": the bracket belongs to the name before it.
  const sourceLast = k + 1;
  if (tokens[k]?.text === ')') {
    let open = k - 1;
    while (open > floor && k - open <= 8 && tokens[open]!.text !== '(') open--;
    if (tokens[open]?.text !== '(' || open - 1 < floor) return null;
    k = open - 1;
  }
  const lastToken = tokens[k]!;
  if (!isWord(lastToken) && lastToken.kind !== 'number') return null;
  if (PRONOUNS.has(lastToken.lower)) return { first: k, last: k + 1 };
  if (!lastToken.cap && (STOP_WORDS.has(lastToken.lower) || isVerbLike(lastToken.lower)))
    return null;
  let first = k;
  while (first - 1 >= floor && k - first < MAX_SOURCE_TOKENS - 1) {
    const token = tokens[first - 1]!;
    if (
      token.kind === 'possessive' ||
      token.text === '-' ||
      (token.text === '.' &&
        isWord(tokens[first - 2]) &&
        tokens[first - 2]!.cap &&
        tokens[first - 2]!.text.length <= 4)
    ) {
      first--;
      continue;
    }
    if (!isWord(token)) break;
    if (token.cap) {
      first--;
      continue;
    }
    if (PRONOUNS.has(token.lower) && token.lower !== 'it') break;
    if (NP_INNER.has(token.lower)) {
      first--;
      continue;
    }
    if (
      STOP_WORDS.has(token.lower) ||
      isVerbLike(token.lower) ||
      (CUES.has(token.lower) && !isNounish(token.lower))
    )
      break;
    first--;
  }
  while (
    first <= k &&
    (NP_CANNOT_START.has(tokens[first]!.lower) ||
      tokens[first]!.kind !== 'word' ||
      (tokens[first]!.cap && SENTENCE_LINKS.has(tokens[first]!.lower)))
  )
    first++;
  if (first > k) return null;
  // "A British think tank run by former Prime Minister Tony Blair also denied": the body
  // before "run by" is the source, and the one who runs it only describes it.
  if (tokens[first - 1]?.lower === 'by' && RUN_BY.has(tokens[first - 2]?.lower ?? '')) {
    const runner = sourceBefore(tokens, first - 2, floor);
    if (runner) return { first: runner.first, last: Math.max(sourceLast, k + 1) };
  }
  return { first, last: Math.max(sourceLast, k + 1) };
}

function isNounish(word: string): boolean {
  return (
    /(ers|ists|ians|ment|tion|sion|ies|ary|ory)$/.test(word) ||
    word === 'report' ||
    word === 'reports' ||
    word === 'polls' ||
    word === 'poll'
  );
}

/** The noun phrase starting at `from` and ending at a comma or the sentence end ("said Kirby."). */
function sourceAfter(
  tokens: readonly Token[],
  from: number,
  last: number,
): { first: number; last: number } | null {
  let k = from;
  let closed = false;
  const limit = Math.min(last, from + MAX_SOURCE_TOKENS + 6);
  while (k < limit) {
    const token = tokens[k]!;
    // "said Sen. Chris Murphy (D-Conn.)": a party and state in brackets belong to the name.
    if (token.text === '(' && k > from) {
      const close = closingBracket(tokens, k, last);
      if (close === -1) break;
      k = close + 1;
      continue;
    }
    const abbreviation =
      token.text === '.' && k + 1 < last && isWord(tokens[k + 1]) && tokens[k + 1]!.cap;
    if (!(isWord(token) || token.kind === 'possessive' || token.kind === 'number' || abbreviation))
      break;
    // "said one of two witnesses who ...", "said Durbin in an interview", "wrote Jane Roe for
    // the Review": the name ends there.
    if (
      k > from &&
      !token.cap &&
      (SOURCE_ENDERS.has(token.lower) || (token.lower === 'for' && tokens[k - 1]!.cap))
    ) {
      closed = true;
      break;
    }
    // A verb after the cue means a clause ("said the states were ..."), not a speaker.
    if (isWord(token) && !token.cap && k > from && isVerbLike(token.lower)) return null;
    k++;
  }
  if (k === from) return null;
  const end = tokens[k];
  if (
    !closed &&
    k < last &&
    end &&
    end.text !== ',' &&
    end.text !== '.' &&
    end.text !== ';' &&
    end.kind !== 'quote'
  )
    return null;
  const head = tokens[from]!;
  if (
    !head.cap &&
    head.kind !== 'number' &&
    !PRONOUNS.has(head.lower) &&
    !NP_INNER.has(head.lower) &&
    !QUANTIFIERS.has(head.lower) &&
    (STOP_WORDS.has(head.lower) || isVerbLike(head.lower) || CUES.has(head.lower))
  )
    return null;
  return { first: from, last: k };
}

/**
 * Words that open the narrator's tail after ", X said,", not the rest of what was said:
 * "..., the military said, without providing evidence", "..., the IDF said, in the 7 October
 * attack".
 */
const TAIL_OPENERS = new Set(
  (
    'with without despite amid after before including as while than which who whose where when ' +
    'citing following in on at during since from by for of over under into near outside'
  ).split(' '),
);
/**
 * Whether the words after a cue's comma open the narrator's tail ("..., he said, without giving
 * further details"): "at least 3,000 women may have become widows" goes on with the sentence,
 * "at a news conference" does not.
 */
function opensTail(tokens: readonly Token[], afterCue: number): boolean {
  const first = tokens[afterCue]?.text === ',' ? afterCue + 1 : afterCue;
  const opener = tokens[first]?.lower ?? '';
  return TAIL_OPENERS.has(opener) && !(opener === 'at' && tokens[first + 1]?.lower === 'least');
}

/** Adverbs among `AUXILIARIES`: no sign of a finite verb. */
const NOT_FINITE = /^(also|now|then|once|again|first|last|still|even|just|only)$/;

/**
 * Whether the words after an interrupting ", she said," go on with the sentence: they do not
 * open the narrator's own tail, and hold a finite verb from the content's start (`from`, after
 * any setting) on: "..., she said, more than 400 families have lost their homes".
 */
function resumesClause(
  tokens: readonly Token[],
  afterCue: number,
  from: number,
  end: number,
): boolean {
  if (opensTail(tokens, afterCue)) return false;
  for (let k = from; k < end; k++) {
    const word = tokens[k]!.lower;
    if (AUXILIARIES.has(word) && !NOT_FINITE.test(word)) return true;
    if (isVerbLike(word) && !word.endsWith('ing')) return true;
  }
  return false;
}

/** Index of the ")" closing the "(" at `open` within a few tokens, or -1. */
function closingBracket(tokens: readonly Token[], open: number, last: number): number {
  for (let k = open + 1; k < last && k - open <= 8; k++) {
    if (tokens[k]!.text === ')') return k;
    if (tokens[k]!.text === '(' || tokens[k]!.kind === 'quote') return -1;
  }
  return -1;
}

/** Words that open a source named after its cue ("said one Democratic official"). */
const QUANTIFIERS = new Set(['one', 'another', 'some', 'several', 'many', 'most']);

/** Lower-case words that end a source named after its cue. */
const SOURCE_ENDERS = new Set(
  'who whose which in on at during after before while when to from with outside by as last this earlier late yesterday today'.split(
    ' ',
  ),
);

function verbAttribution(
  context: QuoteContext,
  quoteOf: Int32Array,
  cue: Found,
  first: number,
  last: number,
  sentence: number,
): Attribution | null {
  const { tokens } = context;
  const before = sourceBefore(tokens, cue.first, first) ?? coordinatedSubject(tokens, cue, first);
  // "As Israel broadened its offensive, ...": a verb only the model took for a cue, in a
  // clause that opens with "As" or "When", sets the scene for the sentence.
  if (cue.learned && before && SUBORDINATORS.has(tokens[before.first - 1]?.lower ?? ''))
    return null;
  const end = subordinateEnd(
    tokens,
    quoteOf,
    before,
    cue,
    relativeClauseEnd(tokens, before, cue, contentLast(tokens, last)),
  );
  const rightStart = rightContentStart(tokens, quoteOf, cue.last, end, cue.cls);
  const rightWords = rightStart === null ? 0 : wordCount(tokens, rightStart, end);
  const postposed = precedingContent(context, quoteOf, before ? before.first : cue.first, first);
  // "The ministry said:" closing its paragraph: what it said is the quote that follows.
  if (before && rightStart === null && tokens[last - 1]?.text === ':') {
    const next = tokens[last];
    const quote = next && quoteOf[last] !== -1 ? context.quotes[quoteOf[last]!]! : null;
    if (quote && quote.start === next!.start)
      return make(context, { start: quote.start, end: quote.end }, before, cue, sentence);
  }
  // "Blinken reaffirmed US support ..., Miller said": the sentence is Miller's.
  if (endsWithSpeaker(tokens, cue.last, end)) return null;
  // "Hamas, he said, had created gaps": the cue interrupts a clause whose subject came first.
  if (
    before &&
    rightStart !== null &&
    tokens[before.first - 1]?.text === ',' &&
    tokens[cue.last]?.text === ',' &&
    before.first - 1 > first &&
    !tokens[rightStart]!.cap &&
    (AUXILIARIES.has(tokens[rightStart]!.lower) || isVerbLike(tokens[rightStart]!.lower))
  ) {
    const span = widenToQuotes(context, tokens[first]!.start, tokens[end - 1]!.end);
    return make(context, span, before, cue, sentence);
  }
  // `“We will stay,” Kurti said in an interview with ...`: the quote is what was said.
  // A quote that only ends there (`On Fox's "Sunday Futures," Issa said ...`) is a setting.
  const closing =
    postposed && postposed.end > tokens[first]!.start
      ? quotesIn(context.quotes, postposed.end - 1, postposed.end)[0]
      : undefined;
  const commaQuote =
    closing !== undefined &&
    cue.cls === 'speech' &&
    /[,?!—–]\W*$/.test(context.text.slice(postposed!.start, postposed!.end)) &&
    (rightStart === null || tokens[rightStart]!.lower !== 'that');
  const quoteLed = commaQuote && closing!.start <= tokens[first]!.start;
  if (
    before &&
    rightStart !== null &&
    rightWords >= MIN_CONTENT_WORDS &&
    !quoteLed &&
    (!postposed ||
      cue.cls !== 'speech' ||
      tokens[rightStart]!.kind === 'quote' ||
      (!isShortTail(tokens, rightStart, end) && tokens[cue.last]?.text !== ','))
  ) {
    const span = widenToQuotes(context, tokens[rightStart]!.start, tokens[end - 1]!.end);
    return make(context, span, before, cue, sentence);
  }
  if (cue.cls !== 'speech' && cue.cls !== 'thought') return null;
  // `Without a "pathway to a state," he said, Israel would not ...` and "Since the siege began,
  // she said, more than 400 families ...": the cue interrupts the sentence, which is the content.
  if (
    ((commaQuote && !opensTail(tokens, cue.last)) ||
      (tokens[(before?.first ?? 0) - 1]?.text === ',' &&
        rightStart !== null &&
        resumesClause(tokens, cue.last, rightStart, end))) &&
    postposed &&
    before &&
    rightStart !== null &&
    tokens[cue.last]?.text === ',' &&
    !isShortTail(tokens, rightStart, end) &&
    !CUES.has(tokens[rightStart]!.lower) &&
    !tokens[rightStart]!.lower.endsWith('ing') &&
    !CONJUNCTIONS.has(tokens[rightStart]!.lower)
  ) {
    const span = widenToQuotes(context, postposed!.start, tokens[end - 1]!.end);
    return make(context, span, before, cue, sentence);
  }
  if (before && postposed) return make(context, postposed, before, cue, sentence);
  // Inverted: "..., said Kirby." or "“...,” said the minister."
  if (!before && postposed) {
    const after = sourceAfter(tokens, cue.last, last);
    if (after) return make(context, postposed, after, cue, sentence);
  }
  return null;
}

/**
 * "He had been held since August, and says he does not know why": the second verb's source is
 * the sentence's subject, when that is a pronoun or a name.
 */
function coordinatedSubject(
  tokens: readonly Token[],
  cue: Found,
  first: number,
): { first: number; last: number } | null {
  if (tokens[cue.first - 1]?.lower !== 'and') return null;
  const head = tokens[first];
  if (!head || head.kind !== 'word') return null;
  if (PRONOUNS.has(head.lower) && head.lower !== 'it') return { first, last: first + 1 };
  let k = first;
  while (k < cue.first && tokens[k]!.kind === 'word' && tokens[k]!.cap) k++;
  const verb = tokens[k];
  const name = k - first >= 2 || (k - first === 1 && !STOP_WORDS.has(head.lower));
  return name && verb?.kind === 'word' && (isVerbLike(verb.lower) || /ed$/.test(verb.lower))
    ? { first, last: k }
    : null;
}

/**
 * "When Hamas warned that it would not release hostages, Israel launched strikes": a cue in a
 * clause opening with "When", "If" or the like says no more than that clause, which ends at
 * its comma. "As Blinken said, the time is now" (the cue right before the comma) reports the
 * main clause, and stays whole.
 */
function subordinateEnd(
  tokens: readonly Token[],
  quoteOf: Int32Array,
  source: { first: number; last: number } | null,
  cue: Found,
  end: number,
): number {
  if (!source || !SUBORDINATORS.has(tokens[source.first - 1]?.lower ?? '')) return end;
  if (tokens[cue.last]?.text === ',') return end;
  for (let k = cue.last + 1; k < end; k++)
    if (tokens[k]!.text === ',' && quoteOf[k] === -1) return k;
  return end;
}

/**
 * ", who still advises his successors, believes ...": a cue in a relative clause set off by
 * commas says no more than the clause.
 */
function relativeClauseEnd(
  tokens: readonly Token[],
  source: { first: number; last: number } | null,
  cue: Found,
  end: number,
): number {
  if (!source || source.last - source.first !== 1) return end;
  const word = tokens[source.first]!.lower;
  if ((word !== 'who' && word !== 'which') || tokens[source.first - 1]?.text !== ',') return end;
  for (let k = cue.last; k < end; k++) if (tokens[k]!.text === ',') return k;
  return end;
}

/**
 * True when the sentence closes with ", <source> said" (perhaps "in a statement on Friday") or
 * ", said <source>" after `from`: everything before is that source's content.
 */
function endsWithSpeaker(tokens: readonly Token[], from: number, end: number): boolean {
  for (let k = end - 1; k > from && end - k <= 16; k--) {
    const token = tokens[k]!;
    if (token.text === ',' || token.kind === 'quote') return false;
    if (!CUES.get(token.lower)?.some((entry) => entry.cls === 'speech' && entry.rest.length === 0))
      continue;
    if (tokens[k - 1]?.text === ',') {
      const after = sourceAfter(tokens, k + 1, end);
      return after !== null && after.last >= end;
    }
    if (settingsEnd(tokens, k + 1, end) < end) return false;
    const source = sourceBefore(tokens, k, from + 1);
    return source !== null && tokens[source.first - 1]?.text === ',';
  }
  return false;
}

/** True when what follows the cue only says when or where ("on Tuesday", "in a statement"). */
function isShortTail(tokens: readonly Token[], from: number, end: number): boolean {
  return settingsEnd(tokens, from, end) >= end;
}

/**
 * The content before a source that follows it: `“...,” he said` or `..., the minister said`.
 * Starts at the opening of a quote that began in an earlier sentence.
 */
function precedingContent(
  context: QuoteContext,
  quoteOf: Int32Array,
  sourceFirst: number,
  first: number,
): { start: number; end: number } | null {
  const { tokens } = context;
  let k = sourceFirst - 1;
  if (k < 0) return null;
  if (k < first) {
    // The quote ended the previous sentence: `“How many times?” Clinton said.`
    const closing = tokens[k]!;
    const quote = quoteOf[k] !== -1 ? context.quotes[quoteOf[k]!] : undefined;
    // Not across a paragraph break: a new paragraph's speaker is not the last one's.
    const between = context.text.slice(closing.end, tokens[sourceFirst]!.start);
    return closing.kind === 'quote' && quote && quote.end === closing.end && !between.includes('\n')
      ? { start: quote.start, end: quote.end }
      : null;
  }
  const mark = tokens[k]!;
  if (mark.text !== ',' && mark.kind !== 'quote' && mark.text !== '—') return null;
  // Step back over a closing quote mark and a comma inside it.
  while (
    k >= first &&
    (tokens[k]!.text === ',' || tokens[k]!.kind === 'quote' || tokens[k]!.text === '—')
  ) {
    if (tokens[k]!.kind === 'quote' && quoteOf[k] !== -1) break;
    k--;
  }
  const quote =
    quoteOf[sourceFirst - 1] !== -1
      ? context.quotes[quoteOf[sourceFirst - 1]!]
      : k >= 0 && quoteOf[k] !== -1
        ? context.quotes[quoteOf[k]!]
        : undefined;
  if (quote && quote.end <= tokens[sourceFirst]!.start) {
    if (context.text.slice(quote.start, quote.end).split(/\s+/).length < 2) return null;
    return { start: Math.min(quote.start, tokens[first]!.start), end: quote.end };
  }
  if (k < first || wordCount(tokens, first, k + 1) < MIN_CONTENT_WORDS + 1) return null;
  const start =
    quoteOf[first] !== -1
      ? Math.min(context.quotes[quoteOf[first]!]!.start, tokens[first]!.start)
      : tokens[first]!.start;
  return { start, end: tokens[k]!.end };
}

/** Verbs of saying whose statement a trailing "according to" only relays. */
const SAID = new Set(['said', 'says', 'told', 'tells', 'added', 'adds', 'wrote', 'writes']);

/**
 * True when `cue` ("according to") directly follows what a verb of saying attributed in the
 * same sentence ("Mike Pollard said ..., according to ..."). After other cues ("would see their
 * taxes go up, according to an analysis") the phrase names the source.
 */
function relayedBy(context: QuoteContext, previous: Attribution, cue: Found): boolean {
  const { tokens, text } = context;
  if (!previous.cue || previous.source === null) return false;
  if (previous.cue.last - previous.cue.first !== 1) return false;
  if (!SAID.has(tokens[previous.cue.first]!.lower)) return false;
  // "he added More than 200 attacks ...": a capital after the verb is a lost full stop, and
  // what follows is the writer's, sourced by the phrase.
  if (/^\p{Lu}/u.test(text.slice(previous.content.start, previous.content.start + 1))) return false;
  const before = tokens[cue.first - 1];
  return before !== undefined && before.text === ',' && previous.content.end >= before.start - 1;
}

function accordingTo(
  context: QuoteContext,
  quoteOf: Int32Array,
  cue: Found,
  first: number,
  last: number,
  sentence: number,
): Attribution | null {
  const { tokens } = context;
  const end = contentLast(tokens, last);
  let k = cue.last;
  while (k < end && tokens[k]!.text !== ',' && k - cue.last < 14) k++;
  if (k === cue.last) return null;
  const source = { first: cue.last, last: k };
  if (cue.first === first || (cue.first === first + 1 && tokens[first]!.kind !== 'word')) {
    if (tokens[k]!.text !== ',') return unpunctuatedAccordingTo(context, cue, end, sentence);
    if (k >= end - 1) return null;
    const span = widenToQuotes(context, tokens[k + 1]!.start, tokens[end - 1]!.end);
    return make(context, span, source, cue, sentence);
  }
  const content = precedingContent(context, quoteOf, cue.first, first);
  if (!content) return null;
  return make(context, content, source, cue, sentence);
}

/**
 * "According to the monitoring firm Ambrey the ship turned back": with no comma to end the
 * source, it ends with its first run of capitalised words, and what follows is the content. A
 * source without a name ("according to reports the ship ...") is left unattributed rather than
 * guessed.
 */
function unpunctuatedAccordingTo(
  context: QuoteContext,
  cue: Found,
  end: number,
  sentence: number,
): Attribution | null {
  const { tokens } = context;
  let k = cue.last;
  while (k < end && k - cue.last < 8 && !(tokens[k]!.kind === 'word' && tokens[k]!.cap)) k++;
  if (k >= end || !tokens[k]!.cap) return null;
  while (k < end && tokens[k]!.kind === 'word' && tokens[k]!.cap) k++;
  if (wordCount(tokens, k, end) < MIN_CONTENT_WORDS) return null;
  const span = widenToQuotes(context, tokens[k]!.start, tokens[end - 1]!.end);
  return make(context, span, { first: cue.last, last: k }, cue, sentence);
}

/** "..., adding that ...": a second statement of the same source. */
function continued(
  context: QuoteContext,
  quoteOf: Int32Array,
  cue: Found,
  previous: Attribution,
  last: number,
  sentence: number,
): Attribution | null {
  const { tokens } = context;
  const end = contentLast(tokens, last);
  const start = rightContentStart(tokens, quoteOf, cue.last, end, cue.cls);
  if (start === null || wordCount(tokens, start, end) < MIN_CONTENT_WORDS) return null;
  const span = widenToQuotes(context, tokens[start]!.start, tokens[end - 1]!.end);
  return { ...make(context, span, previous.source, cue, sentence), continues: previous };
}

/** Reported speech longer than this is a missing full stop, not one statement; it is cut. */
const MAX_REPORTED_CHARS = 800;

/**
 * "declared that he would block it and is widely seen as having ...": a second predicate in the
 * passive of perception is the writer's view of the speaker, not part of what was said. It
 * starts only where a run of spaces starts, so a long run is not tried at each of its spaces.
 */
const PERCEIVED =
  /(?<![\s,]),?\s+and\s+(?:is|was|are|were|has been|have been)\s+(?:\p{L}+ly\s+)?(?:seen|regarded|viewed|considered|perceived|thought of|known)\s+as\b/iu;

/** Where reported content ends before a description of its speaker, outside any quote. */
function beforePerceived(context: QuoteContext, content: { start: number; end: number }): number {
  const match = PERCEIVED.exec(context.text.slice(content.start, content.end));
  if (!match) return content.end;
  const at = content.start + match.index;
  return quotesIn(context.quotes, at, at + 1).length > 0 ? content.end : at;
}

function make(
  context: QuoteContext,
  found: { start: number; end: number },
  source: { first: number; last: number } | null,
  cue: Found,
  sentence: number,
): Attribution {
  let content = { start: found.start, end: beforePerceived(context, found) };
  // `""The government of Israel has said ...," he said`: a page's doubled opening mark is one.
  if (
    context.text.startsWith('""', content.start) &&
    /\S/.test(context.text[content.start + 2] ?? '')
  )
    content.start++;
  if (content.end - content.start > MAX_REPORTED_CHARS) {
    const cut = context.text.lastIndexOf(' ', content.start + MAX_REPORTED_CHARS);
    content = {
      start: content.start,
      end: cut > content.start ? cut : content.start + MAX_REPORTED_CHARS,
    };
  }
  return {
    kind: kindOf(context, content.start, content.end),
    content,
    source: cue.passive ? null : source,
    cue: {
      first: withNegation(context.tokens, cue, 0).first,
      last: cue.last,
      learned: cue.learned === true,
    },
    continues: null,
    sentence,
  };
}

function dropOverlaps(sorted: Attribution[]): Attribution[] {
  const kept: Attribution[] = [];
  for (const attribution of sorted) {
    const previous = kept.at(-1);
    if (previous && attribution.content.start < previous.content.end) {
      // Keep the one with a source, else the longer.
      const better =
        (attribution.source && !previous.source) ||
        (!!attribution.source === !!previous.source &&
          attribution.content.end - attribution.content.start >
            previous.content.end - previous.content.start);
      if (better) kept[kept.length - 1] = attribution;
      continue;
    }
    kept.push(attribution);
  }
  return kept;
}

/** Title words: a quoted name ("Sunday Morning Futures", "Swords of Iron") is no statement. */
const MAX_TITLE_WORDS = 6;

function isTitle(inner: string): boolean {
  const words = inner
    .replace(/[,.!?;:]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  return (
    words.length <= MAX_TITLE_WORDS &&
    words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || STOP_WORDS.has(word.toLowerCase()))
  );
}

/** Words that introduce what a sign, banner or placard reads. */
const SIGN_TEXT = /\b(?:reads?|reading|emblazoned with|inscribed)\s*:?\s*$/i;

/** Shorter quotes inside a sentence of the writer's are scare quotes. */
const SCARE_QUOTE_WORDS = 4;

/**
 * Direct quotes that no cue claimed: in news they continue the speaker of the paragraph (or of
 * the paragraph before, when a quote opens a paragraph). Single words, and fragments under four
 * words inside the writer's sentence, are scare quotes, and quotes on headings, captions and pull quotes are page furniture, not
 * statements. Nor is what a sign reads ("held signs that read: ...").
 */
function addUnclaimedQuotes(
  context: QuoteContext,
  attributions: Attribution[],
  furniture: readonly Range[],
): void {
  const { text, quotes, sentences } = context;
  const sorted = [...attributions].sort((a, b) => a.content.start - b.content.start);
  const sourced = sorted.filter((a) => a.source !== null);
  let next = 0;
  let nextSourced = 0;
  let sentence = 0;
  for (const quote of quotes) {
    while (next < sorted.length && sorted[next]!.content.end <= quote.start) next++;
    const claimed = next < sorted.length && sorted[next]!.content.start < quote.end;
    if (claimed || inFurniture(furniture, quote.start)) continue;
    const inner = text.slice(quote.start + 1, quote.end - 1);
    const words = inner.split(/\s+/).filter(Boolean).length;
    if (words < MIN_CONTENT_WORDS || isTitle(inner)) continue;
    while (sentence < sentences.length - 1 && sentences[sentence]!.end <= quote.start) sentence++;
    // A short quote inside the writer's own sentence, with no cue ("a warrant for alleged \"war
    // crimes\""), borrows a phrase without saying whose: a scare quote.
    if (
      words < SCARE_QUOTE_WORDS &&
      /[\p{L}\p{N}]/u.test(text.slice(sentences[sentence]!.start, quote.start))
    )
      continue;
    while (nextSourced < sourced.length && sourced[nextSourced]!.content.end <= quote.start)
      nextSourced++;
    // "Protesters held signs that read: "..."": a sign's words, whoever spoke last.
    const lead = text.slice(sentences[sentence]!.start, quote.start);
    if (SIGN_TEXT.test(lead)) continue;
    const previous = sourced[nextSourced - 1];
    const paragraphStart = text.lastIndexOf('\n', quote.start) + 1;
    const sameParagraph = previous !== undefined && previous.content.start >= paragraphStart;
    const opensParagraph = text.slice(paragraphStart, quote.start).trim() === '';
    const gapOk = previous !== undefined && sentence - previous.sentence <= 3;
    const adjacent = previous !== undefined && sentence - previous.sentence <= 1;
    const continues =
      previous && gapOk && (sameParagraph || opensParagraph || adjacent) ? previous : null;
    attributions.push({
      kind: 'direct',
      content: { start: quote.start, end: quote.end },
      source: null,
      cue: null,
      continues,
      sentence,
    });
  }
}
