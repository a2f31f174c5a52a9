import { DEMONYMS, isPlace } from '../lexicon.ts';
import { nameKey } from './names.ts';

/** Words that say whose office a role is, not which office: "US", "White House", "Serbian". */
const QUALIFIERS = new Set(['us', 'u s', 'uk', 'eu', 'un', 'the', 's', 'white', 'house']);

/** British spellings in office names, keyed the American way: "Defence Minister" is "Defense Minister". */
const AMERICAN_SPELLING = new Map([
  ['defence', 'defense'],
  ['organisation', 'organization'],
  ['programme', 'program'],
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
    .map((word) => AMERICAN_SPELLING.get(word) ?? word);
  let first = 0;
  while (
    first < words.length - 1 &&
    (QUALIFIERS.has(words[first]!) || DEMONYMS.has(words[first]!) || isPlace(words[first]!))
  )
    first++;
  return words.slice(first).join(' ');
}
