import { describe, expect, it } from 'vitest';
import { detectEvents } from '../../src/analysis/events/detect.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { severityOf } from '../../src/analysis/severity.ts';

const events = (text: string) => detectEvents(text, splitSentences(text));
const violent = (text: string) =>
  events(text).filter((event) =>
    ['ASSAULT', 'MOBILIZE', 'COERCE', 'PROTEST'].includes(event.category),
  );

describe('realis: only reported facts are actual', () => {
  it.each([
    ['threatened', 'Belgrade threatened to send troops into northern Kosovo.'],
    ['threatened', 'The commander warned that his men would open fire on anyone at the bridge.'],
    ['threatened', 'The armed group vowed to attack police stations across the north.'],
    ['hypothetical', 'Analysts said fighting could break out in Zubin Potok within days.'],
    ['hypothetical', 'If the mayors stay, local Serbs may erect barricades again.'],
    ['hypothetical', 'The envoy urged both sides to avoid any clashes near Jarinje.'],
    ['denied', 'Serbia denied that its troops had massed near the administrative line.'],
    ['denied', 'The ministry rejected reports that soldiers shelled the village.'],
    ['negated', 'Police did not open fire on the crowd in Zvečan.'],
    ['future', 'KFOR will deploy a further battalion to Leposavić next week.'],
    ['future', 'The prime minister said the army will go ahead with its planned ground offensive.'],
    ['future', 'Aid agencies braced for the looming assault on the city.'],
  ])('%s: %s', (realis, sentence) => {
    const found = violent(sentence);
    expect(found.length).toBeGreaterThan(0);
    for (const event of found) expect(event.realis).toBe(realis);
    expect(found.some((event) => event.realisCue !== null)).toBe(true);
  });

  it('reads "is confirmed to have been killed" as fact, and "is to attack" as future', () => {
    const past = violent('A farm worker is confirmed to have been killed in the raid.');
    expect(past.map((event) => event.realis)).toEqual(['actual']);
    const ahead = violent('The army is to attack the town at dawn.');
    expect(ahead.map((event) => event.realis)).toEqual(['future']);
  });

  it('lets no cue reach across the start of another clause', () => {
    expect(violent('Fears for patients as Israel hospital raid continues.')).toMatchObject([
      { realis: 'actual' },
    ]);
    expect(
      violent('The government is prepared to impose martial law as street battles raged.').map(
        (event) => event.realis,
      ),
    ).toEqual(['threatened', 'actual']);
    expect(violent('Officials fear as many as ten died.')).toMatchObject([
      { realis: 'hypothetical' },
    ]);
  });

  it('never lets a threatened, hypothetical or denied attack raise severity above rhetoric', () => {
    const text =
      'Belgrade threatened to send troops into northern Kosovo. Fighting could break out in ' +
      'Zubin Potok. Serbia denied that its soldiers shelled Banjska.';
    const severity = severityOf(events(text));
    expect(severity.level).toBeLessThanOrEqual(1);
    expect(severity.fatalities).toBe(0);
  });

  it('counts deaths only when the killing is reported as fact', () => {
    const hypothetical = severityOf(events('The raid could have killed dozens of people.'));
    expect(hypothetical.fatalities).toBe(0);
    const actual = severityOf(events('The raid killed two civilians in Banjska.'));
    expect(actual.fatalities).toBe(2);
    expect(actual.level).toBe(5);
  });

  it('codes the threat itself as an actual THREATEN event with a mode from what is threatened', () => {
    const threat = events('Serbia threatened to shell the border villages.').find(
      (event) => event.category === 'THREATEN',
    );
    expect(threat).toMatchObject({ realis: 'actual', mode: 'violence', score: -3.5 });
    expect(threat?.trigger.text).toBe('threatened');
  });
});
