import { describe, expect, it } from 'vitest';
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

  it('round-trips through its hex form', () => {
    const fingerprint = simhash(story);
    expect(toHex(fingerprint)).toHaveLength(16);
    expect(fromHex(toHex(fingerprint))).toBe(fingerprint);
  });
});
