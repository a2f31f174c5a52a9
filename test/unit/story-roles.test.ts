import { describe, expect, it } from 'vitest';
import { detectEvents } from '../../src/analysis/events/detect.ts';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { reportSignal } from '../../src/analysis/stories/signal.ts';
import {
  answersAttack,
  attackRoles,
  decodeRoles,
  elsewhere,
  encodeRoles,
} from '../../src/analysis/stories/roles.ts';

const rolesOf = (text: string) =>
  attackRoles(
    detectEvents(text, splitSentences(text)).filter((event) => event.realis === 'actual'),
  );

/** Who attacked whom, without where. */
const partiesOf = (text: string) => {
  const { attackers, targets } = rolesOf(text);
  return { attackers, targets };
};

describe('who attacked whom', () => {
  it('reads the parties before an attack as its authors and those after as its targets', () => {
    expect(
      partiesOf('The United States and Britain launched strikes on Houthi targets in Yemen.'),
    ).toEqual({ attackers: ['uk', 'us'], targets: ['houthis'] });
  });

  it('reads "an Israeli air strike" as Israel’s and "the attack by Hezbollah" as Hezbollah’s', () => {
    expect(partiesOf('Nine people were killed in an Israeli air strike on a school.')).toEqual({
      attackers: ['israel'],
      targets: [],
    });
    expect(
      partiesOf('Two soldiers were wounded in the attack by Hezbollah near the border.'),
    ).toEqual({ attackers: ['hezbollah'], targets: [] });
  });

  it('reads "killed by Israeli strikes" as Israel’s, "battled Israeli forces" as against Israel', () => {
    expect(
      partiesOf('At least 70 people have been killed by Israeli strikes around Khan Younis.'),
    ).toEqual({ attackers: ['israel'], targets: [] });
    expect(partiesOf('Militants battled Israeli forces in the north of the territory.')).toEqual({
      attackers: [],
      targets: ['israel'],
    });
  });

  it('reads a party that says it attacked as the attacker, and a town it hit as the target', () => {
    expect(partiesOf('Hamas says it fired a barrage of rockets at Tel Aviv.')).toEqual({
      attackers: ['hamas'],
      targets: ['israel'],
    });
  });

  it('leaves out the victims’ side and a party that only reports the attack', () => {
    expect(
      partiesOf(
        'A senior Hamas official was among five people killed, the Hamas-run ministry said.',
      ),
    ).toEqual({ attackers: [], targets: [] });
  });
});

describe('where a report’s attacks happen', () => {
  it('reads the country of each attack’s place, and keeps it with the roles', () => {
    const roles = rolesOf('An Israeli air strike killed a senior Iranian commander in Damascus.');
    expect(roles.places).toEqual(['syria']);
    expect(decodeRoles(encodeRoles(roles))).toEqual(roles);
    expect(rolesOf('Israeli strikes hit the Maghazi camp in Gaza overnight.').places).toEqual([
      'gaza',
    ]);
  });

  it('tells attacks in other countries apart, and decides nothing without places', () => {
    const syria = { attackers: ['israel'], targets: [], places: ['syria'] };
    const gaza = { attackers: ['israel'], targets: [], places: ['gaza'] };
    expect(elsewhere(syria, [gaza])).toBe(true);
    expect(elsewhere(syria, [gaza, { ...syria }])).toBe(false);
    expect(elsewhere({ ...syria, places: [] }, [gaza])).toBe(false);
    expect(elsewhere(syria, [{ attackers: [], targets: [] }])).toBe(false);
  });

  it('places a report by its headline when its lead tells its attack as an old one', () => {
    const signal = (title: string, body: string) =>
      reportSignal(
        { title, body, published: '2024-01-17T12:00:00Z' },
        analyzeArticle({ title, body, published: '2024-01-17T12:00:00Z' }),
      ).roles.places;
    const body = 'Seven men were killed in an Israeli air strike early on 7 January.';
    expect(
      signal('Israel accused of targeting civilians in deadly West Bank strike', body),
    ).toEqual(['west-bank']);
    expect(signal('Israel accused of targeting civilians', body)).toEqual([]);
  });
});

describe('an attack that answers a story’s attacks', () => {
  const story = [{ attackers: ['houthis'], targets: ['us'] }];

  it('is a strike on a party that attacked in the story, by none of its attackers', () => {
    expect(answersAttack({ attackers: ['uk', 'us'], targets: ['houthis'] }, story)).toBe(true);
  });

  it('is not more of the same side’s attacks, nor a report that names no attacker', () => {
    expect(answersAttack({ attackers: ['houthis'], targets: ['uk'] }, story)).toBe(false);
    expect(answersAttack({ attackers: [], targets: ['houthis'] }, story)).toBe(false);
    expect(answersAttack({ attackers: ['us'], targets: ['houthis'] }, [])).toBe(false);
  });
});
