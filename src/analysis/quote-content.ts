import { CUES, isVerbLike, type CueClass } from './lexicon.ts';
import type { Token } from './tokens.ts';

/** How far after the cue a "that" may come ("said in a statement late on Friday that ..."). */
const THAT_WINDOW = 9;
/** A setting phrase longer than this is part of what was said, not where it was said. */
const MAX_SETTING_TOKENS = 8;

/**
 * Words after which a later "that" belongs to what was said, not to the cue: subjects,
 * auxiliaries, question words and the prepositions that take an object of their own. "He said
 * he had asked for guarantees that Serbia would not ..." must keep "he had asked for
 * guarantees"; "called on Pristina to refrain from actions that could ..." must keep the
 * appeal.
 */
const CLAUSE_WORDS = new Set(
  (
    'he she they it we i you who what whether if how why when where which there ' +
    'is are was were be been being has have had do does did will would can could should may ' +
    'might must shall not never to for of about against over into from as'
  ).split(' '),
);

/** Prepositions and time words that open a phrase saying when, where or how a thing was said. */
const SETTING_OPENERS = new Set(
  'in on at during late early earlier later last this yesterday today tonight via to after following before'.split(
    ' ',
  ),
);

/** Nouns that end such a phrase ("in a statement", "on Tuesday night", "to reporters"). */
const SETTING_NOUNS = new Set(
  (
    'statement statements interview interviews speech speeches conference briefing briefings ' +
    'call calls post posts tweet tweets letter readout message messages remarks address session ' +
    'meeting meetings hearing visit trip rally summit news press television tv radio broadcast ' +
    'podcast video reporters journalists media website blog appearance event ceremony forum ' +
    'phone telephone morning afternoon evening night week weekend month year day days hours ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may ' +
    'june july august september october november december sept oct nov dec jan feb aug ' +
    'platform channel network parliament assembly chamber summit talks visit ago'
  ).split(' '),
);

/** Cues whose object is the person told ("told reporters", "warned Belgrade") before the content. */
const TELLING = new Set(
  'tell tells told telling warn warns warned warning assure assures assured assuring remind reminds reminded reminding inform informs informed informing brief briefs briefed briefing'.split(
    ' ',
  ),
);
/** Lower-case nouns that can be the people told. */
const AUDIENCES = new Set(
  'reporters journalists lawmakers supporters parliament students crowd audience members delegates diplomats'.split(
    ' ',
  ),
);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its']);

function isClauseWord(token: Token): boolean {
  if (token.kind !== 'word') return false;
  // Capitalised inside a sentence, "May" is the month and "Will" a name.
  if (token.cap) return token.text === 'I';
  if (CLAUSE_WORDS.has(token.lower)) return true;
  if (SETTING_NOUNS.has(token.lower)) return false;
  return isVerbLike(token.lower) || CUES.has(token.lower) || token.lower.endsWith("n't");
}

/**
 * Where reported content starts after a cue: at a "that" reached over words that only say
 * where or to whom it was said, else after any such setting phrase, else right after the cue.
 * An appeal's content is its addressee and request, so no "that" further on is sought.
 */
export function rightContentStart(
  tokens: readonly Token[],
  quoteOf: Int32Array,
  from: number,
  end: number,
  cls: CueClass,
): number | null {
  let k = from;
  while (k < end && (tokens[k]!.text === ':' || tokens[k]!.text === ',')) k++;
  if (k >= end) return null;
  if (tokens[k]!.lower === 'that' && quoteOf[k] === -1) return k;
  if (cls === 'speech' || cls === 'thought' || cls === 'stance') {
    for (let j = k; j < end && j - k < THAT_WINDOW; j++) {
      const token = tokens[j]!;
      if (token.lower === 'that' && quoteOf[j] === -1) return j;
      if (token.kind === 'quote' || token.text === ';' || token.text === '.') break;
      if (isClauseWord(token) && !(SETTING_OPENERS.has(token.lower) && token.lower !== 'to')) break;
    }
  }
  if (cls !== 'speech' && cls !== 'thought') return k;
  // "NPR's Anas Baba reported from Rafah.": a reporter's credit names where from, not what.
  if (onlyPlaceFrom(tokens, k, end)) return null;
  // "insisted on Israel having the freedom ...": the cue's own "on", not "on Tuesday".
  const ownOn = tokens[k]!.lower === 'on' && ON_CUES.test(tokens[from - 1]?.lower ?? '');
  const start = ownOn ? k : skipSetting(tokens, k, end, TELLING.has(tokens[from - 1]?.lower ?? ''));
  // "what he had told Mr Netanyahu, but ...": after whom it was told, no content follows.
  let next = start;
  while (next < end && tokens[next]!.text === ',') next++;
  return start > k && CONJUNCTIONS.has(tokens[next]?.lower ?? '') ? null : start;
}

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

/** Cues whose object follows "on" ("insist on", "commented on"). */
const ON_CUES = /^(?:insist|comment|elaborat|remark|reflect|agree|focus)/;

/** Words that open the narrator's next clause, not more of what was said. */
export const CONJUNCTIONS = new Set(
  'but and or while although though as when after before because so yet since until whereas'.split(
    ' ',
  ),
);

/** Whether the words from `from` are only "from" and a place ("from Tel Aviv, Israel"). */
function onlyPlaceFrom(tokens: readonly Token[], from: number, end: number): boolean {
  if (tokens[from]?.lower !== 'from' || !tokens[from + 1]?.cap) return false;
  let k = from + 1;
  while (k < end && (tokens[k]!.cap || tokens[k]!.text === ',')) k++;
  for (; k < end; k++) if (tokens[k]!.kind !== 'punct') return false;
  return true;
}

/**
 * Steps over "on Tuesday", "in a statement late on Friday", "to reporters" and, after a
 * telling verb, the person told, when a clause of at least three words follows.
 */
function skipSetting(
  tokens: readonly Token[],
  from: number,
  end: number,
  telling: boolean,
): number {
  let k = from;
  if (telling) k = skipAudience(tokens, k, end);
  k = settingsEnd(tokens, k, end);
  if (k < end && tokens[k]!.lower === 'that') return k;
  let words = 0;
  for (let j = k; j < end && words < 3; j++) if (tokens[j]!.kind === 'word') words++;
  return words >= 3 ? k : from;
}

/** The end of the setting phrases (and commas between them) starting at `from`. */
export function settingsEnd(tokens: readonly Token[], from: number, end: number): number {
  let k = from;
  for (;;) {
    const next = settingPhraseEnd(tokens, k, end);
    if (next === -1) return k;
    k = next;
    while (k < end && tokens[k]!.text === ',') k++;
  }
}

/** After a telling verb, the person told: "reporters", "the BBC", "Kosovo's leaders", "Kurti". */
function skipAudience(tokens: readonly Token[], from: number, end: number): number {
  let k = from;
  if (DETERMINERS.has(tokens[k]?.lower ?? '')) k++;
  const head = k;
  while (k < end && k - head < 4 && tokens[k]!.kind === 'word' && tokens[k]!.cap) k++;
  if (k > head) return k;
  return tokens[k]?.kind === 'word' && AUDIENCES.has(tokens[k]!.lower) ? k + 1 : from;
}

const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
/** Words that join a second phrase to a setting ("in an interview with the BBC"). */
const SETTING_JOINS = new Set(['with', 'of', 'in', 'on', 'at', 'to', 'from', 'for', 'during']);

/**
 * The end of a setting phrase starting at `from` ("on Tuesday", "in an interview with the
 * BBC", "Tuesday night"), or -1. After the phrase's noun only another noun of it or a joined
 * phrase may follow, so "on Tuesday the United States" stops after "Tuesday".
 */
function settingPhraseEnd(tokens: readonly Token[], from: number, end: number): number {
  const opener = tokens[from];
  if (!opener || opener.kind !== 'word') return -1;
  // A bare weekday before a comma may be the subject ("said Wednesday, 27 September, would be").
  const bare =
    (WEEKDAYS.has(opener.lower) && tokens[from + 1]?.text !== ',') ||
    /^(yesterday|today|tonight)$/.test(opener.lower);
  if (!bare && (opener.cap || !SETTING_OPENERS.has(opener.lower))) return -1;
  let best = bare ? from + 1 : -1;
  for (let k = from + 1; k < end && k - from <= MAX_SETTING_TOKENS; k++) {
    const token = tokens[k]!;
    if (token.kind === 'quote' || (token.kind === 'punct' && token.text !== '-')) break;
    const head = SETTING_NOUNS.has(token.lower) || token.cap || token.kind === 'number';
    if (k === best) {
      if (head) best = k + 1;
      else if (!SETTING_JOINS.has(token.lower)) break;
      continue;
    }
    if (token.lower === 'that') break;
    // "insisted on a full ceasefire and withdrawal ...": no setting joins common nouns so.
    if (best === -1 && CONJUNCTIONS.has(token.lower)) break;
    if (isClauseWord(token) && !SETTING_JOINS.has(token.lower)) break;
    if (head) best = k + 1;
  }
  return best;
}
