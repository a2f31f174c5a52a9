import { describe, expect, it } from 'vitest';
import { foldedWords } from '../../src/analysis/folded-words.ts';
import { fromHex, hammingDistance, simhash, toHex } from '../../src/analysis/stories/simhash.ts';

const story =
  'Kosovo police said an armed group attacked a patrol near the village of Banjska early on ' +
  'Sunday, killing one officer and wounding another, before barricading itself inside the ' +
  'monastery grounds. Special police units surrounded the complex and exchanged fire with the ' +
  'attackers for several hours, the interior minister told reporters in Pristina. Three of ' +
  'the attackers were killed in the fighting and several others fled into the hills towards ' +
  'the administrative line, according to the police. The government declared a day of ' +
  'mourning, and the prime minister accused Belgrade of backing the group, which Serbia ' +
  'denied. NATO peacekeepers stepped up patrols along the main road between Zvečan and ' +
  'Leposavić, and the European Union called on both sides to exercise restraint.';

describe('simhash', () => {
  it('puts a lightly edited copy within a few bits and a different text far away', () => {
    const copy = story.replace('early on Sunday', 'on Sunday morning') + ' (Reuters)';
    const other =
      'Azerbaijan and Armenia exchanged prisoners at the border on Thursday under a deal ' +
      'brokered by European mediators, officials in Baku and Yerevan said.';
    expect(hammingDistance(simhash(story), simhash(copy))).toBeLessThanOrEqual(6);
    expect(hammingDistance(simhash(story), simhash(other))).toBeGreaterThan(12);
  });

  it('ignores case and punctuation', () => {
    expect(simhash(story.toUpperCase().replace(/,/g, ''))).toBe(simhash(story));
  });

  it('gives the fingerprints the definition gives (shingles joined, hashed, bits voted), so stored ones still compare', () => {
    // The long one carries counts past a thousand shingles, across many of the counters' bit planes.
    const long = Array.from({ length: 30 }, (_, day) => `${story} Day ${day}.`).join(' ');
    for (const text of [story, 'one', 'one two', 'one two three', '', 'Zvečan, Leposavić!', long])
      expect(toHex(simhash(text))).toBe(toHex(definition(text)));
  });

  it('round-trips through its hex form', () => {
    const fingerprint = simhash(story);
    expect(toHex(fingerprint)).toHaveLength(16);
    expect(fromHex(toHex(fingerprint))).toBe(fingerprint);
  });
});

/** The fingerprint as first written: each shingle joined into a string and hashed whole. */
function definition(text: string): bigint {
  const words = foldedWords(text);
  const fnv = (shingle: string, seed: number) => {
    let hash = seed >>> 0;
    for (const char of shingle) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b) >>> 0;
    return (hash ^ (hash >>> 13)) >>> 0;
  };
  const weights = new Array<number>(64).fill(0);
  const shingles =
    words.length >= 3
      ? words.slice(2).map((_, i) => words.slice(i, i + 3).join(' '))
      : [words.join(' ')];
  for (const shingle of shingles)
    for (let bit = 0; bit < 32; bit++) {
      weights[bit]! += (fnv(shingle, 0x811c9dc5) >>> bit) & 1 ? 1 : -1;
      weights[bit + 32]! += (fnv(shingle, 0x050c5d1f) >>> bit) & 1 ? 1 : -1;
    }
  return weights.reduceRight((print, weight) => (print << 1n) | (weight > 0 ? 1n : 0n), 0n);
}
