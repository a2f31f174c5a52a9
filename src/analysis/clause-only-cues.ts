import { isVerbLike } from './lexicon.ts';
import { CLAUSE_WORDS, CONJUNCTIONS, settingsEnd } from './quote-content.ts';
import type { Token } from './tokens.ts';

/**
 * Speech verbs that also take objects: "continued", "maintained", "recalled", "observed" and
 * "concluded" (`clauseOnly` in the cue lexicon) report speech before a clause, a quote or
 * "that", or after a quote, and mean something else before an object or a phrase ("the IDF
 * continued its offensive", "Israel recalled its ambassador").
 */

/** Words that open a clause on their own: its subject, or a question word. */
const CLAUSE_OPENERS = new Set(
  'he she it they we i you there how what whether why when where who'.split(' '),
);
/** Verbs that make the words before them a clause's subject ("the attack was ..."). */
const FINITE = new Set(
  'is are was were has have had will would can could should may might must do does did'.split(' '),
);
/** Past tenses without "-ed" that end a subject ("the talks broke down"). */
const IRREGULAR_PAST = new Set(
  'said made took came went saw found built began became left held told gave got kept ran won lost brought thought felt knew met put set hit cut led sent spent fell rose struck shot fought broke'.split(
    ' ',
  ),
);
/** Prepositions that may join one phrase to a subject ("the talk among mourners was ..."). */
const SUBJECT_JOINS = new Set('of among in on at from for with'.split(' '));
/** Words that open a phrase, never a clause's subject ("concluded by identifying ..."). */
const PHRASE_OPENERS = new Set(
  'by to into despite without through across under over after before during until as than like via'.split(
    ' ',
  ),
);
/** Words after which a verb-like word is a noun or an adjective ("a fighting presence"). */
const MODIFIERS = new Set('a an the his her its their our my your this these those'.split(' '));

/**
 * Whether `token`, after `previous`, is the verb of a clause whose subject came before it:
 * an auxiliary, a past tense, an "-ing" form before any phrase was joined to the subject, or a
 * present tense after a name ("Hamas uses hospitals"). Dictionary tags alone would make the
 * "grip" of "a tight grip" or the "reports" of "with reports of" a verb.
 */
function isClauseVerb(token: Token, previous: Token, joined: boolean): boolean {
  if (token.cap || MODIFIERS.has(previous.lower) || SUBJECT_JOINS.has(previous.lower)) return false;
  const word = token.lower;
  if (FINITE.has(word) || IRREGULAR_PAST.has(word)) return true;
  if (word.endsWith('ing')) return !joined;
  if (word.endsWith('ed')) return isVerbLike(word);
  return word.endsWith('s') && previous.cap && isVerbLike(word);
}

/**
 * Whether the words from `from` open a clause: a quote, a subject pronoun or question word, or
 * a noun phrase (with at most one phrase joined to it) followed by its verb. "concluded the
 * agency must do more" reports a finding; "concluded his trip to the region" does not.
 */
function opensClause(tokens: readonly Token[], from: number, end: number): boolean {
  const first = tokens[from];
  if (!first || first.kind === 'quote') return first !== undefined;
  if (first.kind === 'word' && !first.cap && CLAUSE_OPENERS.has(first.lower)) return true;
  if (PHRASE_OPENERS.has(first.lower)) return false;
  let words = 0;
  let joined = false;
  for (let k = from; k < end && k - from < 12; k++) {
    const token = tokens[k]!;
    if (token.kind === 'possessive' || token.kind === 'number') {
      words++;
      continue;
    }
    // "Mr. Obama": an abbreviation's full stop.
    if (token.text === '.' && words > 0 && tokens[k - 1]!.cap && tokens[k - 1]!.text.length <= 4)
      continue;
    if (token.kind !== 'word') return false;
    if (words > 0 && isClauseVerb(token, tokens[k - 1]!, joined)) return true;
    if (SUBJECT_JOINS.has(token.lower)) {
      if (joined || words === 0) return false;
      joined = true;
      continue;
    }
    if (CLAUSE_WORDS.has(token.lower) || CONJUNCTIONS.has(token.lower)) return false;
    words++;
  }
  return false;
}

/**
 * Whether a clause-only cue (`CLAUSE_ONLY_CUES`) ending before `from` reports no speech here:
 * it takes an object or a phrase ("continued its offensive", "recalled its ambassador",
 * "maintains a blockade"), or it ends a clause with no quote before it ("In neighbouring
 * Egypt, tentative efforts continued."). A quote, "that" or a clause after it, or a quote just
 * before its source (`"...," Mr. Clarke recalled of ...`), leave it a cue.
 */
export function reportsNoSpeech(tokens: readonly Token[], from: number): boolean {
  // "The continued harassment of the ships": an adjective.
  if (MODIFIERS.has(tokens[from - 2]?.lower ?? '')) return true;
  if (afterQuote(tokens, from - 2)) return false;
  // "continued: ..." and "concluded, "..."" introduce what follows; "As the prayers
  // concluded, the talk ..." is a clause of its own.
  const after = tokens[from]?.text === ':' ? from + 1 : from;
  const k = settingsEnd(tokens, after, tokens.length);
  const start = tokens[k];
  if (tokens[k - 1]?.text === ',' || start?.text === ',')
    return tokens[start?.text === ',' ? k + 1 : k]?.kind !== 'quote';
  if (start?.kind === 'quote' || start?.lower === 'that') return false;
  if (!start || /^[.;!?]$/.test(start.text)) return !clauseBefore(tokens, from - 2);
  return !opensClause(tokens, k, tokens.length);
}

/** Tokens looked back over for a source and for the clause before it. */
const SOURCE_REACH = 12;
const CLAUSE_REACH = 40;

/**
 * Whether a clause ends at the comma before the source that ends at `last`: "Secrecy is not a
 * stranger ..., the candidate's former doctor maintains." reports a statement; "In
 * neighbouring Egypt, tentative efforts continued." does not.
 */
function clauseBefore(tokens: readonly Token[], last: number): boolean {
  let comma = last;
  while (
    comma >= 0 &&
    last - comma < SOURCE_REACH &&
    tokens[comma]!.text !== ',' &&
    !/^[.;!?]$/.test(tokens[comma]!.text)
  )
    comma--;
  if (tokens[comma]?.text !== ',') return false;
  for (let k = comma - 1; k > 0 && comma - k < CLAUSE_REACH; k--) {
    const token = tokens[k]!;
    if (/^[.;!?]$/.test(token.text)) return false;
    if (token.kind === 'word' && isClauseVerb(token, tokens[k - 1]!, false)) return true;
  }
  return false;
}

/** Words of a source named between a quote and its cue ("Mr. Clarke", "the vicar"). */
const MAX_SOURCE_WORDS = 5;

/**
 * Whether the words ending at `last` follow a quote: `"...," Mr. Clarke recalled of the
 * proceedings` reports the quote, whatever follows the cue.
 */
function afterQuote(tokens: readonly Token[], last: number): boolean {
  let k = last;
  while (k >= 0 && last - k < MAX_SOURCE_WORDS && tokens[k]!.kind !== 'quote') {
    const token = tokens[k]!;
    const abbreviation =
      token.text === '.' && tokens[k - 1]?.cap && tokens[k - 1]!.text.length <= 4;
    if (token.kind !== 'word' && token.kind !== 'possessive' && !abbreviation) break;
    k--;
  }
  // A quote closed by a comma, question or exclamation mark ends within this sentence.
  const closing = (quote: number) =>
    tokens[quote]?.kind === 'quote' && /^[,?!—–-]$/.test(tokens[quote - 1]?.text ?? '');
  return closing(k) || (tokens[k]?.text === ',' && closing(k - 1));
}
