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
export const CLAUSE_WORDS = new Set(
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
    let setting = false;
    for (let j = k; j < end && j - k < THAT_WINDOW; j++) {
      const token = tokens[j]!;
      if (token.lower === 'that' && quoteOf[j] === -1) return j;
      if (token.kind === 'quote' || token.text === ';' || token.text === '.') break;
      // "demanding a ceasefire in the conflict, and that ...": two things asked for.
      if ((token.lower === 'and' || token.lower === 'or') && tokens[j - 1]?.text === ',') break;
      // "told soldiers at a base in Kiryat Shmona that": in a setting, "base" after "a" is a
      // noun. Outside one, "said the claim that ..." keeps its noun: what was said is the claim.
      const noun = setting && DETERMINERS.has(tokens[j - 1]?.lower ?? '') && !token.cap;
      if (SETTING_OPENERS.has(token.lower)) setting = true;
      if (
        isClauseWord(token) &&
        !noun &&
        !(SETTING_OPENERS.has(token.lower) && token.lower !== 'to')
      )
        break;
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
  // "described Sunday's attack": a weekday that owns a noun is what was described.
  const bare =
    (WEEKDAYS.has(opener.lower) &&
      tokens[from + 1]?.text !== ',' &&
      tokens[from + 1]?.kind !== 'possessive') ||
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
