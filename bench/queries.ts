import { createRandom } from './prng.ts';
import { CONFLICTS, PEOPLE } from './vocabulary.ts';

/**
 * What the benchmark asks, drawn from the generator's own registry so the answers exist: a
 * spread of famous and obscure people (by surname, full name and folded spelling), and topics
 * with windows from one day to a month. Fixed seed: every run asks the same questions.
 */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '');

export function whoQueries(count: number): string[] {
  const random = createRandom(0x77);
  return Array.from({ length: count }, () => {
    const person = random.chance(0.3)
      ? PEOPLE[random.int(0, 59) % PEOPLE.length]!
      : random.pick(PEOPLE);
    const surname = person.name.split(' ').at(-1)!;
    const roll = random.next();
    return roll < 0.4 ? person.name : roll < 0.8 ? surname.toLowerCase() : fold(person.name);
  });
}

const EXTRA_TOPICS = ['serbia', 'armenia', 'azerbaijan', 'russia', 'israel', 'nato'];
const DAYS = [1, 3, 7, 7, 7, 14, 30];

export function briefingQueries(count: number): { topic: string; days: number }[] {
  const random = createRandom(0xb1);
  const topics = [...CONFLICTS.map((conflict) => conflict.topic), ...EXTRA_TOPICS];
  return Array.from({ length: count }, () => ({
    topic: random.pick(topics),
    days: random.pick(DAYS),
  }));
}

/** Prefixes a user types before autocomplete answers: one to four letters of a name or topic. */
export function autocompletePrefixes(
  count: number,
): { source: 'person' | 'topic'; prefix: string }[] {
  const random = createRandom(0xac);
  return Array.from({ length: count }, () => {
    const person = random.chance(0.7);
    const word = person
      ? random.pick(PEOPLE).name.split(' ').at(-1)!
      : random.pick([...CONFLICTS.map((conflict) => conflict.topic), ...EXTRA_TOPICS]);
    return {
      source: person ? 'person' : 'topic',
      prefix: word.slice(0, random.int(1, 4)).toLowerCase(),
    };
  });
}
