import { describe, expect, it } from 'vitest';
import { detectEvents } from '../../src/analysis/events/detect.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { severityOf } from '../../src/analysis/severity.ts';

const severity = (text: string) => severityOf(detectEvents(text, splitSentences(text)));

describe('severityOf', () => {
  it.each([
    [0, 'The foreign ministers met in Brussels and discussed trade.'],
    [1, 'Pristina accused Belgrade of stoking tension in the north.'],
    [2, 'Serbia deployed armoured units to the administrative line.'],
    [3, 'Local Serbs blocked the road to Jarinje with trucks.'],
    [3, 'Police arrested four men in North Mitrovica.'],
    [4, 'Gunmen opened fire on a police patrol in Zvečan.'],
    [5, 'A policeman was killed when gunmen opened fire on a patrol in Banjska.'],
  ])('level %i: %s', (level, text) => {
    expect(severity(text).level).toBe(level);
  });

  it('explains the level with the event, its place and the dead', () => {
    const result = severity(
      'Three attackers were killed in an armed clash in Banjska. Serbian troops massed at the border.',
    );
    expect(result.level).toBe(5);
    expect(result.fatalities).toBe(3);
    expect(result.reasons[0]).toBe('armed clash in Banjska');
    expect(result.reasons).toContain('3 killed');
    expect(result.label).toBe('deadly violence');
  });

  it('says "strikes" or "deaths" where the report says no more than that, and no death twice', () => {
    expect(
      severity('At least 70 people have been killed by Israeli strikes around Khan Younis.')
        .reasons,
    ).toEqual(['strikes in Khan Younis', '70 killed']);
    expect(severity('Four more hostages have died in captivity, the army said.').reasons[0]).toBe(
      'deaths',
    );
    const reasons = severity(
      'An air strike hit a house in Jabalia. At least 110 people were killed in Jabalia.',
    ).reasons;
    expect(reasons).toContain('air strike in Jabalia');
    expect(reasons).not.toContain('deaths in Jabalia');
  });

  it("reads the war's running toll as background, however it is put", () => {
    const result = severity(
      'Israeli forces bombarded camps across Gaza overnight, killing dozens of people. ' +
        'The war has already killed over 20,000 Palestinians.',
    );
    expect(result.fatalities).toBeLessThan(100);
    expect(result.reasons).not.toContain('20000 killed');
  });

  it('takes the largest toll one sentence gives rather than adding repeated reports', () => {
    const result = severity(
      'Three people were killed in the attack. The attack, in which three people were killed, was condemned.',
    );
    expect(result.fatalities).toBe(3);
  });

  it('flags an actual ceasefire or withdrawal as de-escalation', () => {
    expect(severity('Serbia withdrew its troops from the border.').deEscalation).toBe(true);
    expect(severity('Serbia will withdraw its troops from the border.').deEscalation).toBe(false);
  });
});
