import { describe, expect, it } from 'vitest';
import { detectEvents } from '../../src/analysis/events/detect.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { answersAttack, attackRoles } from '../../src/analysis/stories/roles.ts';

const rolesOf = (text: string) =>
  attackRoles(
    detectEvents(text, splitSentences(text)).filter((event) => event.realis === 'actual'),
  );

describe('who attacked whom', () => {
  it('reads the parties before an attack as its authors and those after as its targets', () => {
    expect(
      rolesOf('The United States and Britain launched strikes on Houthi targets in Yemen.'),
    ).toEqual({ attackers: ['uk', 'us'], targets: ['houthis'] });
  });

  it('reads "an Israeli air strike" as Israel’s and "the attack by Hezbollah" as Hezbollah’s', () => {
    expect(rolesOf('Nine people were killed in an Israeli air strike on a school.')).toEqual({
      attackers: ['israel'],
      targets: [],
    });
    expect(
      rolesOf('Two soldiers were wounded in the attack by Hezbollah near the border.'),
    ).toEqual({ attackers: ['hezbollah'], targets: [] });
  });

  it('reads "killed by Israeli strikes" as Israel’s, "battled Israeli forces" as against Israel', () => {
    expect(
      rolesOf('At least 70 people have been killed by Israeli strikes around Khan Younis.'),
    ).toEqual({ attackers: ['israel'], targets: [] });
    expect(rolesOf('Militants battled Israeli forces in the north of the territory.')).toEqual({
      attackers: [],
      targets: ['israel'],
    });
  });

  it('reads a party that says it attacked as the attacker, and a town it hit as the target', () => {
    expect(rolesOf('Hamas says it fired a barrage of rockets at Tel Aviv.')).toEqual({
      attackers: ['hamas'],
      targets: ['israel'],
    });
  });

  it('leaves out the victims’ side and a party that only reports the attack', () => {
    expect(
      rolesOf('A senior Hamas official was among five people killed, the Hamas-run ministry said.'),
    ).toEqual({ attackers: [], targets: [] });
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
