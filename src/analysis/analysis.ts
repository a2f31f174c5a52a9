/**
 * The result of analysing one article, computed once at ingest and stored. Offsets are
 * JavaScript string indexes into the analysed body. This is the `sitrep analyze` JSON contract
 * (docs/architecture.md); later analysis stages fill the arrays they own.
 */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type EntityType = 'PERSON' | 'ORG' | 'PLACE';

export interface Entity extends Span {
  type: EntityType;
  /** The corpus-wide name this mention refers to ("John Kirby" for "Kirby"). */
  canonical: string;
}

export type QuoteKind = 'direct' | 'indirect' | 'mixed';

export interface Quote {
  kind: QuoteKind;
  content: Span;
  source: Span | null;
  /** Canonical name of the speaker, or null when it could not be resolved. */
  speaker: string | null;
  cue: Span | null;
  /**
   * When it was said, where the text says ("last week", "on Friday"), as inclusive ISO days;
   * absent when the article does not say, so the statement dates from its publication.
   */
  when?: { start: string; end: string; text: string };
  /**
   * True when only the cue model found the cue, no lexicon word: an attribution in the broad
   * sense of attribution corpora (a stance, a plan, a decision), not necessarily something said.
   */
  learned?: boolean;
  /**
   * True for a transcript's answer turn and a paragraph of a statement issued under a name: the
   * text is the record of the occasion itself, so the statement is never a recap of an earlier
   * report, however alike the words.
   */
  onRecord?: boolean;
}

export type Realis = 'actual' | 'threatened' | 'hypothetical' | 'denied' | 'negated' | 'future';

export interface EventMention {
  category: string;
  mode: string | null;
  score: number;
  realis: Realis;
  start: number;
  end: number;
  text: string;
  actors: string[];
  place: string | null;
  fatalities: number | null;
  /** The words that set the category (PLOVER `eventText`); `triggers` keeps every one merged in. */
  trigger: Span;
  triggers: Span[];
  /** The word that made the event other than actual ("threatened", "denied"), or null. */
  realisCue: string | null;
  /** Who acts and who is acted on, from `actors` (null when the sentence does not say). */
  source: string | null;
  target: string | null;
  injured: number | null;
  /**
   * `fatalities` is a running total ("the death toll rose to 30", "have been killed since the
   * war began"): the latest figure of a toll, not deaths to add to another report's.
   */
  cumulative: boolean;
  /**
   * Not news of this article: subordinate to another event of its sentence ("ceasefire after
   * days of fighting"), or a recap of earlier events (a date days before publication, "last
   * year", "since the war began", an anniversary).
   */
  background: boolean;
  /**
   * How central the event is to its article, 0-1: 1 when the title reports the same kind of
   * event, else by position (the lead weighs most) plus repetition. At 0.5 or more the event is
   * what the article is about; below, a passing mention.
   */
  centrality: number;
}

export interface Analysis {
  entities: Entity[];
  quotes: Quote[];
  events: EventMention[];
  /** The article's best sentences, in reading order. */
  summary: string[];
  /** Roles seen beside person names ("US Secretary of State" for Antony Blinken). */
  people?: { name: string; role: string; start: number; end: number; text: string }[];
  /**
   * Who issued the article, when it is a statement issued under a person's name ("Statement
   * from President Joe Biden on ..."): the title names them, the body does not, and its
   * paragraphs are their statements (`official-statement.ts`).
   */
  issuer?: { name: string; role: string | null };
}

/** Turns an article into its analysis. Pure and synchronous: ingest may run it in a worker. */
export type Analyzer = (article: { title: string; body: string; published: string }) => Analysis;

export const emptyAnalysis = (): Analysis => ({
  entities: [],
  quotes: [],
  events: [],
  summary: [],
});
