import type { Mention } from '../entities.ts';
import {
  ACRONYM_ORGS,
  DEMONYMS,
  HONORIFICS,
  ORG_WORDS,
  ROLE_WORDS,
  STOP_WORDS,
  isCommonWord,
  isPlace,
} from '../lexicon.ts';
import { titleCase } from '../people/names.ts';
import { fold } from '../tokens.ts';

/**
 * Who a label names. `person`: one named speaker ("MR. KIRBY", "SECRETARY BLINKEN", "THE
 * PRESIDENT" once resolved); `anonymous`: a source kept nameless on purpose ("SENIOR
 * ADMINISTRATION OFFICIAL"), never merged with anyone; `staff`: the people who run the event
 * ("MODERATOR", "OPERATOR", "AIDE"), whose words are housekeeping; `question`: a reporter or
 * interviewer.
 */
export type SpeakerKind = 'person' | 'anonymous' | 'staff' | 'question';

export interface Speaker {
  kind: SpeakerKind;
  /** The full name ("John Kirby"), or a surname when the document never gives one. */
  name: string | null;
  role: string | null;
  /** Offsets of the name inside the label ("KIRBY" of "MR. KIRBY"), relative to the label. */
  nameAt: { start: number; end: number } | null;
}

/** Words that describe who speaks without naming anyone. */
const GENERIC_SPEAKERS = new Set(
  (
    'moderator operator aide staff staffer participant participants audience crew attendee ' +
    'panelist panellist guest caller interpreter translator voice voices unidentified unknown ' +
    'male female man woman member members narrator announcer host interviewer anchor reporter ' +
    'journalist questioner student speaker'
  ).split(' '),
);
/** Words that make a nameless label an anonymous source rather than the event's staff. */
const SOURCE_WORDS = new Set(
  'official officials spokesperson spokesman spokeswoman source sources representative'.split(' '),
);
/** Offices held by one person at a time, named in the title: "THE PRESIDENT", "THE FIRST LADY". */
const OFFICE_ADDRESS = /^THE\.? /i;
const ADDRESS = /^(?:MR|MRS|MS|MISS|DR|THE)\.?$/i;

interface LabelParts {
  title: string[];
  name: { words: string[]; start: number; end: number } | null;
  note: string | null;
  office: boolean;
  words: string[];
}

/** Splits "LIEUTENANT GENERAL SIMS" into a title ("Lieutenant General") and a name ("Sims"). */
function partsOf(label: string): LabelParts {
  const note = /\s[([]([^)\]]+)[)\]]$/.exec(label);
  const bare = (note ? label.slice(0, note.index) : label).replace(/\s\d{1,2}$/, '');
  const tokens = [...bare.matchAll(/\S+/g)].map((match) => ({
    text: match[0],
    folded: fold(match[0]).replace(/\.$/, ''),
    start: match.index,
  }));
  const office = OFFICE_ADDRESS.test(bare);
  let first = 0;
  while (first < tokens.length && ADDRESS.test(tokens[first]!.text)) first++;
  let split = first;
  while (split < tokens.length && isTitleWord(tokens[split]!.folded, tokens[split]!.text)) split++;
  const nameTokens = tokens.slice(split).filter((token) => !STOP_WORDS.has(token.folded));
  // After "MR." anything is a name ("MS. BROWN"); after a title, any word but a describing one
  // ("SECRETARY RICE"); alone, a common word describes ("OPERATOR").
  const addressed = first > 0 && !office;
  const named =
    nameTokens.length > 0 &&
    (addressed ||
      nameTokens.every(
        (token) =>
          !GENERIC_SPEAKERS.has(token.folded) &&
          !SOURCE_WORDS.has(token.folded) &&
          !ROLE_WORDS.has(token.folded) &&
          (split > first || !isCommonWord(token.folded)),
      ));
  const last = tokens.at(-1);
  return {
    title: tokens.slice(first, split).map((token) => token.text),
    name:
      named && last
        ? {
            words: nameTokens.map((token) => token.text),
            start: nameTokens[0]!.start,
            end: last.start + last.text.length,
          }
        : null,
    note: note?.[1]?.trim() ?? null,
    office,
    words: tokens.map((token) => token.folded),
  };
}

function isTitleWord(folded: string, text: string): boolean {
  return (
    ROLE_WORDS.has(folded) ||
    HONORIFICS.has(folded) ||
    ORG_WORDS.has(folded) ||
    DEMONYMS.has(folded) ||
    ACRONYM_ORGS.has(text) ||
    isPlace(folded)
  );
}

/** The people named in a document (title first, then body), to resolve labels against. */
export interface NamedPeople {
  /** The document's title, whose mentions are `title`. */
  titleText: string;
  title: readonly Mention[];
  body: readonly Mention[];
}

/** What separates two speakers in a title: "Briefing by X and Y", "X, Y, and Z", "Call with X". */
const TITLE_BREAK =
  /(?:^|\s)(?:by|and|with|featuring|on|from)\s+|[,:;(—–]\s*(?:(?:and|with)\s+)?|\s-\s/gi;

/**
 * The role a title gives a speaker: every word between the previous separator and the name
 * ("White House National Security Communications Advisor" in "Press Gaggle by White House
 * National Security Communications Advisor John Kirby"), when it holds a role word.
 */
function titleRole(title: string, mention: Mention): string | null {
  const before = title.slice(0, mention.start);
  let cut = 0;
  for (const match of before.matchAll(TITLE_BREAK)) cut = match.index + match[0].length;
  const role = before.slice(cut).trim();
  if (!role || role.split(/\s+/).length > 10) return null;
  return role.split(/\s+/).some((word) => ROLE_NOUN.test(word)) ? role : null;
}
const ROLE_NOUN =
  /^(?:president|secretary|minister|advis[eo]r|coordinator|director|spokes(?:man|woman|person)|ambassador|envoy|general|admiral|chief|deputy|assistant|administrator|chair(?:man|woman)?|commissioner|counsel(?:or|lor)?|governor|senator|representative|leader|officer|official|head|commander|attorney|press)$/i;

/**
 * Resolves one label to its speaker: a name to the full name the title or the body gives for
 * that surname ("MR. KIRBY" → "John Kirby", with the title's role); an office ("THE
 * PRESIDENT") to the person the title or the body names with that role.
 */
export function resolveLabel(label: string, question: boolean, people: NamedPeople): Speaker {
  if (question) return { kind: 'question', name: null, role: null, nameAt: null };
  const parts = partsOf(label);
  const titleText = parts.title.map(titleCase).join(' ') || null;
  if (parts.name) {
    const wanted = parts.name.words.map((word) => fold(word).replace(/[.,]$/, ''));
    const inTitle = fullName(wanted, people.title);
    const found = inTitle ?? fullName(wanted, people.body);
    const role =
      (inTitle && titleRole(people.titleText, inTitle)) ??
      found?.roles[0] ??
      roleOf(found?.canonical, people) ??
      titleText ??
      parts.note;
    return {
      kind: 'person',
      name: found?.canonical ?? parts.name.words.map(titleCase).join(' '),
      role,
      nameAt: { start: parts.name.start, end: parts.name.end },
    };
  }
  if (parts.office || parts.words.length === 1) {
    const holder = officeHolder(
      parts.title.map((word) => fold(word)),
      people,
    );
    if (holder) return { kind: 'person', name: holder.canonical, role: holder.role, nameAt: null };
  }
  if (parts.words.some((word) => SOURCE_WORDS.has(word)) || parts.office)
    return { kind: 'anonymous', name: null, role: titleText, nameAt: null };
  return { kind: 'staff', name: null, role: titleText, nameAt: null };
}

/** The one full name among `mentions` that ends with the label's name (and starts with its first name, if given). */
function fullName(wanted: readonly string[], mentions: readonly Mention[]): Mention | null {
  const surname = wanted.at(-1)!;
  const given = wanted.length > 1 ? wanted[0]! : null;
  const matches = new Map<string, Mention>();
  for (const mention of mentions) {
    if (mention.type !== 'PERSON') continue;
    const words = mention.canonical.split(' ');
    if (words.length < 2 || fold(words.at(-1)!) !== surname) continue;
    if (given && fold(words[0]!) !== given) continue;
    const known = matches.get(mention.canonical);
    if (!known || (known.roles.length === 0 && mention.roles.length > 0))
      matches.set(mention.canonical, mention);
  }
  return matches.size === 1 ? [...matches.values()][0]! : null;
}

/** The role the body gives a person most often. */
function roleOf(name: string | undefined, people: NamedPeople): string | null {
  if (!name) return null;
  const counts = new Map<string, number>();
  for (const mention of people.body)
    if (mention.canonical === name)
      for (const role of mention.roles) counts.set(role, (counts.get(role) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The person whose role is the office ("president", but not "vice president"), title first. */
function officeHolder(
  office: readonly string[],
  people: NamedPeople,
): { canonical: string; role: string } | null {
  if (office.length === 0) return null;
  const wanted = office.join(' ');
  for (const mentions of [people.title, people.body])
    for (const mention of mentions) {
      if (mention.type !== 'PERSON') continue;
      const role = mention.roles.find((candidate) => {
        const words = fold(candidate).split(/\s+/);
        const tail = words.slice(-office.length).join(' ');
        return tail === wanted && words[words.length - office.length - 1] !== 'vice';
      });
      if (role) return { canonical: mention.canonical, role };
    }
  return null;
}
