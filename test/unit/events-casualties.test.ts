import { describe, expect, it } from 'vitest';
import { countCasualties } from '../../src/analysis/events/casualties.ts';

describe('countCasualties', () => {
  it.each([
    ['Three people were killed in the clash.', 3],
    ['A policeman was killed near the monastery.', 1],
    ['Several people, including a policeman, were killed in Banjska.', 3],
    ['Over 170 people were killed in the depot explosion.', 170],
    ['The attack killed at least 12 civilians and wounded dozens.', 12],
    ['The gunmen shot dead two Kosovo police officers.', 2],
    ['The death toll rose to 1,200 on Monday.', 1200],
    ['Four soldiers died in the shelling.', 4],
    ['Two of the gunmen were killed when police returned fire.', 2],
    ['An officer died at the scene, and three of the attackers were killed later.', 4],
    // Headlines tell it in the present tense.
    ['Army tank fire kills six of its own soldiers', 6],
    ['Air strikes kill 14 in Khan Younis', 14],
    // A relative named after someone counted is one more.
    ['An elderly woman and her son have been killed in a missile attack.', 2],
    ['His two sons were killed in the raid.', 2],
    ['Seven men - four of them brothers - were killed in the air strike.', 7],
    ['At least 112 people are said to have been killed near the convoy.', 112],
    ['A total of 9,420 people, mostly civilians, have now been killed.', 9420],
    // What was first said of the dead stands between them and the verb that counts them.
    [
      'A student initially reported to have been taken hostage by Hamas in Israel is confirmed to have been killed.',
      1,
    ],
  ])('%s -> %i dead', (sentence, dead) => {
    expect(countCasualties(sentence).killed).toBe(dead);
  });

  it('does not count soldiers who have killed others as dead', () => {
    expect(countCasualties('Five soldiers have killed two militants.').killed).toBe(2);
  });

  it('counts injured apart from dead', () => {
    const result = countCasualties('Two officers were killed and 30 KFOR soldiers were injured.');
    expect(result).toMatchObject({ killed: 2, injured: 30 });
  });

  it('reads a toll "now" reached, or written with spaces, as a running total', () => {
    expect(countCasualties('30,000 now killed in the territory')).toMatchObject({
      killed: 30000,
      cumulative: true,
    });
    expect(countCasualties('Civilian death toll climbs past 12 500 in the region')).toMatchObject({
      killed: 12500,
      cumulative: true,
    });
  });

  it('does not count deaths only wished for', () => {
    expect(countCasualties('The group vowed to kill two hostages.').killed).toBeNull();
  });

  it('counts the injured of a headline in the present tense', () => {
    expect(countCasualties('Rocket injures three in Sderot').injured).toBe(3);
  });

  it('reads "no one was killed" as zero, not as one', () => {
    expect(countCasualties('No one was killed in the attack.').killed).toBe(0);
  });

  it('does not take a year for a death count', () => {
    expect(countCasualties('The bombing in 1999 killed nobody we know of.').killed).toBeNull();
  });

  it('gives null when the sentence reports no casualties', () => {
    expect(countCasualties('Talks resumed in Brussels on Monday.')).toMatchObject({
      killed: null,
      injured: null,
    });
  });
});
