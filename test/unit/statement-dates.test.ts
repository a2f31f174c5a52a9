import { describe, expect, it } from 'vitest';
import { saidWhen } from '../../src/analysis/statement-dates.ts';
import { saidLabel } from '../../src/briefing/who-view.ts';

/** When the statement cued by `cue` (its first occurrence) in a one-sentence text was made. */
function when(text: string, cue: string, published = '2023-12-03T12:00:00Z') {
  const sentence = { start: 0, end: text.length };
  return saidWhen(text, sentence, [], text.indexOf(cue), published);
}

describe('when a statement was made', () => {
  it('dates an occasion of an earlier year to that year', () => {
    expect(
      when('"We are ready," he told journalists at a 2018 press conference in Gaza City.', 'told'),
    ).toEqual({ start: '2018-01-01', end: '2018-12-31', text: 'a 2018 press conference' });
    expect(when('Sinwar said in 2021 that the rockets would stop.', 'said')).toMatchObject({
      start: '2021-01-01',
      end: '2021-12-31',
    });
    expect(when('Haniyeh told reporters in late 2019 he would stay abroad.', 'told')).toMatchObject(
      {
        start: '2019-01-01',
      },
    );
  });

  it("takes no year from someone's past, a count or a year still to come", () => {
    expect(when('Haniyeh, who left Gaza in 2019, said talks had stalled.', 'said')).toBeNull();
    expect(
      when('Recalling the bombing of Dresden in 1945, Mr Yadlin said: "No."', 'said'),
    ).toBeNull();
    expect(when('The ministry said in 2000 homes the water had run out.', 'said')).toBeNull();
    expect(when('He said in 2030 the port would open.', 'said')).toBeNull();
  });

  it('labels a year as the year, this year as far as the article goes too', () => {
    expect(saidLabel('2018-01-01', '2018-12-31')).toBe('2018');
    expect(saidLabel('2023-01-01', '2023-12-03')).toBe('2023');
    expect(saidLabel('2023-05-01', '2023-05-31')).toBe('2023-05');
    expect(saidLabel('2023-09-25', '2023-10-01')).toBe('week of 2023-09-25');
  });
});
