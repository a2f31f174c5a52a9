import type { Entity, Quote, Span } from './analysis.ts';
import { resolveSpeakers } from './coref.ts';
import type { CueModel } from './cue-model.ts';
import { findEntities, withCorrectedSurnames, type Mention, type RoleMention } from './entities.ts';
import { pairQuoteMarks } from './quote-marks.ts';
import { findAttributions, type Attribution } from './quotes.ts';
import { saidWhen, type SaidWhen } from './statement-dates.ts';
import { tokenize, type Token } from './tokens.ts';

export interface SpeechAnalysis {
  entities: Entity[];
  quotes: Quote[];
  /** Roles seen beside person names, with the mention's offsets. */
  people: RoleMention[];
  /** The entity mentions with what coreference learnt about them (token indexes, gender, roles). */
  mentions: Mention[];
}

/** The tokens outside `hidden` (sorted, not overlapping): structure that is nobody's prose. */
function outside(tokens: Token[], hidden: readonly Span[]): Token[] {
  if (hidden.length === 0) return tokens;
  let next = 0;
  return tokens.filter((token) => {
    while (next < hidden.length && hidden[next]!.end <= token.start) next++;
    return next >= hidden.length || token.start < hidden[next]!.start;
  });
}

/**
 * Dates each quote where its sentence says when it was made; a quote that continues an
 * earlier statement shares its date.
 */
function dateStatements(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Span[],
  attributions: readonly Attribution[],
  quotes: Quote[],
  published: string,
): void {
  if (!published) return;
  const dates = new Map<Attribution, SaidWhen | null>();
  const contentsOf = new Map<number, Attribution['content'][]>();
  for (const attribution of attributions) {
    const contents = contentsOf.get(attribution.sentence) ?? [];
    contents.push(attribution.content);
    contentsOf.set(attribution.sentence, contents);
  }
  attributions.forEach((attribution, index) => {
    let when: SaidWhen | null = null;
    if (attribution.cue)
      when = saidWhen(
        text,
        sentences[attribution.sentence]!,
        contentsOf.get(attribution.sentence)!,
        tokens[attribution.cue.first]!.start,
        published,
      );
    else if (attribution.continues) when = dates.get(attribution.continues) ?? null;
    dates.set(attribution, when);
    if (when) quotes[index]!.when = when;
  });
}

/**
 * Who is named and who said what in one text: entities with article-level canonical names,
 * roles, and quotes (direct, indirect, mixed) with their resolved speakers. One tokenisation
 * serves all three. Text in `hidden` (a transcript's speaker labels and page furniture) is not
 * read: "Q" and "MR. KIRBY" are structure, not names.
 * `options.cueModel` replaces the shipped cue model (null: lexicon only), for evaluating
 * models trained on other data.
 */
export function analyzeSpeech(
  text: string,
  sentences: readonly Span[],
  hidden: readonly Span[] = [],
  published = '',
  options: { cueModel?: CueModel | null } = {},
): SpeechAnalysis {
  const tokens = withCorrectedSurnames(outside(tokenize(text), hidden));
  const starts = new Set(sentences.map((sentence) => sentence.start));
  const mentions = findEntities(tokens, starts);
  const attributions = findAttributions({
    text,
    tokens,
    sentences,
    quotes: pairQuoteMarks(text),
    ...(options.cueModel === undefined ? {} : { cueModel: options.cueModel }),
  });
  const sentenceOf = (offset: number): number => {
    let low = 0;
    let high = sentences.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (sentences[middle]!.start <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const quotes = resolveSpeakers(text, tokens, mentions, attributions, sentenceOf);
  dateStatements(text, tokens, sentences, attributions, quotes, published);
  return {
    entities: mentions.map(({ text: mentionText, type, start, end, canonical }) => ({
      text: mentionText,
      type,
      start,
      end,
      canonical,
    })),
    quotes,
    people: mentions.flatMap((mention) =>
      mention.roles.map((role) => ({
        name: mention.canonical,
        role,
        start: mention.start,
        end: mention.end,
        text: mention.text,
      })),
    ),
    mentions,
  };
}
