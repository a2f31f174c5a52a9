import { DEMONYMS, isPlace } from '../lexicon.ts';
import { nameKey } from './names.ts';

/**
 * How a role is written wherever it is read (an article's words or a transcript's label): "USA
 * President" and "U.S. President" as "US President", a transcript's "Prime Minster" as "Prime
 * Minister", and "NSC Coordinator For Strategic
 * Communications" (title-cased from a transcript's capitals) with its joining words in lower
 * case. The registry shows the longest spelling of each office, and at equal length the one with
 * capitals, so one article's "USA" or "For" would otherwise name the office everywhere.
 */
export const roleSpelling = (role: string): string =>
  role
    .replace(/^(?:USA|U\.S\.(?:A\.)?)(?= )/, 'US')
    .replace(/\bMinster\b/g, 'Minister')
    .replace(/(?<=\S )(?:For|Of|The|And|On|To|In|At)(?= )/g, (word) => word.toLowerCase());

/**
 * Words that say whose office a role is, not which office: "US", "White House", "Serbian", and
 * the names those initials stand for ("United Nations Secretary General" is the "UN Secretary
 * General").
 */
const QUALIFIERS = new Set([
  'us',
  'u s',
  'uk',
  'eu',
  'un',
  'the',
  's',
  'white',
  'house',
  'united',
  'nations',
  'states',
  'kingdom',
]);

/**
 * British spellings in office names, keyed the American way: "Defence Minister" is "Defense
 * Minister"; a transcript's "Prime Minster" is the Prime Minister; and a spokesman's office is
 * a spokesperson's.
 */
const AMERICAN_SPELLING = new Map([
  ['minster', 'minister'],
  ['defence', 'defense'],
  ['organisation', 'organization'],
  ['programme', 'program'],
  // One office whoever holds it: "spokesman" and "spokesperson" of the same council.
  ['spokesman', 'spokesperson'],
  ['spokeswoman', 'spokesperson'],
]);

/**
 * Institutions a role names by their initials, spelt out so that both spellings meet: John
 * Kirby's card had listed "NSC Coordinator for Strategic Communications" and "National Security
 * Council Coordinator for Strategic Communications" as two offices.
 */
const INITIALS = new Map([
  ['nsc', ['national', 'security', 'council']],
  ['idf', ['israel', 'defense', 'forces']],
]);

/**
 * The key under which two spellings of one role meet: "Serbian President" and "President",
 * "US National Security Council spokesman" and "White House National Security Council
 * spokesman", "Israel's Prime Minister" and "Prime Minister". Leading words that name the
 * country or the institution are dropped; what is left names the office.
 */
export function roleKey(role: string): string {
  const words = nameKey(role)
    .split(' ')
    .filter(Boolean)
    .flatMap((word) => INITIALS.get(word) ?? [AMERICAN_SPELLING.get(word) ?? word]);
  // "spokesman for the National Security Council" is its "National Security Council spokesman".
  if (words[0] === 'spokesperson' && words[1] === 'for' && words.length > 2) {
    words.splice(0, words[2] === 'the' ? 3 : 2);
    words.push('spokesperson');
  }
  let first = 0;
  while (
    first < words.length - 1 &&
    (QUALIFIERS.has(words[first]!) || DEMONYMS.has(words[first]!) || isPlace(words[first]!))
  )
    first++;
  return words.slice(first).join(' ');
}

/**
 * The kinds of office that role keys name, by their last word: a "minority leader" and a
 * "leader" are both leaders. Two people of one surname are told apart by their offices, which
 * articles spell many ways ("Hamas leader", "Hamas's Gaza leader").
 */
export function officeKinds(roles: Iterable<string>): Set<string> {
  const kinds = new Set<string>();
  for (const role of roles) kinds.add(officeKind(role));
  return kinds;
}

/** The kind of office one role key names (`officeKinds`). */
export const officeKind = (role: string): string => role.slice(role.lastIndexOf(' ') + 1);

/** Whether two sets share a member. */
export const overlaps = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  [...a].some((key) => b.has(key));
