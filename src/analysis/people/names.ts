import { normaliseText } from '../../corpus/article-id.ts';
import { editDistance } from '../../corpus/topics.ts';
import nicknameData from '../lexicons/nicknames.json' with { type: 'json' };

/** The lookup key of a name: lowercase, diacritics folded, punctuation gone (Vučić → vucic). */
export const nameKey = (name: string): string => normaliseText(name);

/** How many letters carry diacritics: of two spellings of one name, the richer is shown. */
export function diacritics(name: string): number {
  return name.normalize('NFKD').length - name.length;
}

/** Written all in capitals, as transcripts label speakers ("JEAN-PIERRE"). */
export function isAllCaps(name: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);
}

/** "JEAN-PIERRE" → "Jean-Pierre", "O’BRIEN" → "O’Brien"; a name in mixed case stays as it is. */
export function titleCase(name: string): string {
  if (!isAllCaps(name)) return name;
  return name
    .toLowerCase()
    .replace(
      /(^|[-'’\s.])(\p{L})/gu,
      (_, mark: string, letter: string) => mark + letter.toUpperCase(),
    );
}

/**
 * How a name is shown: in mixed case, and said once when a parser repeated it ("Benjamin
 * Netanyahu Benjamin Netanyahu").
 */
export function displayName(name: string): string {
  const words = titleCase(name.trim()).split(/\s+/);
  const half = words.length / 2;
  if (Number.isInteger(half) && half >= 1) {
    const first = words.slice(0, half);
    if (first.every((word, k) => nameKey(word) === nameKey(words[half + k]!)))
      return first.join(' ');
  }
  return words.join(' ');
}

const NICKNAMES = new Map<string, Set<string>>();
for (const [short, formal] of Object.entries(nicknameData.forms as Record<string, string[]>))
  for (const name of formal) {
    NICKNAMES.set(short, (NICKNAMES.get(short) ?? new Set()).add(name));
    NICKNAMES.set(name, (NICKNAMES.get(name) ?? new Set()).add(short));
  }

/**
 * Whether two given names (folded) name the same person: equal, a familiar form of the other
 * ("bibi" / "benjamin", "tony" / "antony"), or spelt one letter apart ("anthony" / "antony"),
 * which news does with foreign names.
 */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  if (NICKNAMES.get(a)?.has(b)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // "greg" / "gregory", "chris" / "christopher": a short form that starts the full one.
  if (short.length >= 3 && short.length <= 5 && long.startsWith(short)) return true;
  // "philip" / "philippe": an ending the French or Spanish form adds.
  if (short.length >= 5 && long.length - short.length <= 2 && long.startsWith(short)) return true;
  // "phillipe" / "philippe": a long name misspelt twice over.
  if (short.length >= 7 && editDistance(a, b) <= 2) return true;
  return a.length >= 4 && b.length >= 4 && editDistance(a, b) <= 1;
}

/** "r", "j", "jr", "sr", "ii", "iii": initials and suffixes that a shorter spelling leaves out. */
const OPTIONAL_WORD = /^(?:\p{L}|jr|sr|ii|iii|iv)$/u;
const SUFFIX = /^(?:jr|sr|ii|iii|iv)$/;

/**
 * The Arabic article joined to a surname by a hyphen ("al-Thani", "el-Sisi", "ash-Shaibani"),
 * folded to "al thani": left off, so the surname is "thani" as in "Al Thani" or "Mr Sisi".
 */
export const ARTICLE_PREFIX = /^(?:al|el|ad|an|ar|as|ash|at|az|ed|ez|ul) (?=\S)/;

/** "Abdul Rahman" and "Abdulrahman", "Abdel Fattah" and "Abdelfattah": one given name. */
const JOINS_NEXT = /^(?:abd|abdul|abdel|abdal|abdol|abdil)$/;
/** Words of lineage and article that one spelling of an Arabic name gives and another leaves out. */
const LINEAGE = /^(?:bin|ibn|bint|al|el)$/;

/**
 * The words of a name as written ("Karine Jean-Pierre" has two), each folded, without a
 * trailing suffix ("Jr."): a hyphenated surname stays one word, less its Arabic article.
 */
export function nameWords(name: string): string[] {
  const words = name
    .trim()
    .split(/\s+/)
    .map((word) => nameKey(word))
    .filter(Boolean);
  while (words.length > 1 && SUFFIX.test(words.at(-1)!)) words.pop();
  const last = words.length - 1;
  if (last >= 0) words[last] = words[last]!.replace(ARTICLE_PREFIX, '');
  return words;
}

/**
 * Whether two full names (`nameWords`, two words or more) are one person: the given
 * names agree and every other word of the shorter name is in the longer one, so "Joseph R.
 * Biden Jr." is "Joe Biden" and "Antony J. Blinken" is "Tony Blinken", but "Hunter Biden" is not.
 * Words of lineage ("bin") are left out and "Abdul Rahman" is one word, so "Mohammed bin
 * Abdul Rahman Al Thani" is "Mohammed bin Abdulrahman bin Jassim Al Thani".
 */
export function sameFullName(a: readonly string[], b: readonly string[]): boolean {
  const core = (words: readonly string[]) => {
    const kept: string[] = [];
    for (const word of words) {
      if (OPTIONAL_WORD.test(word) || (kept.length > 0 && LINEAGE.test(word))) continue;
      if (kept.length > 0 && JOINS_NEXT.test(kept.at(-1)!)) kept[kept.length - 1] += word;
      else kept.push(word);
    }
    return kept;
  };
  const left = core(a);
  const right = core(b);
  if (left.length < 2 || right.length < 2) return false;
  if (left.at(-1) !== right.at(-1) || !sameGivenName(left[0]!, right[0]!)) return false;
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  return shorter.slice(1, -1).every((word) => longer.slice(1, -1).includes(word));
}
