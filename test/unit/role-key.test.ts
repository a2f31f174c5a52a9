import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import { roleKey, roleSpelling } from '../../src/analysis/people/roles.ts';

describe('roleKey', () => {
  it('drops the country or institution that opens a role', () => {
    expect(roleKey('Serbian President')).toBe(roleKey('President'));
    expect(roleKey("Israel's Prime Minister")).toBe(roleKey('Prime Minister'));
    expect(roleKey('United Nations Secretary General')).toBe(roleKey('UN Secretary General'));
    expect(roleKey('United States Secretary of State')).toBe(roleKey('US Secretary of State'));
  });

  it('files British and American spellings of one office together', () => {
    expect(roleKey("Israel's Defence Minister")).toBe(roleKey("Israel's Defense Minister"));
    expect(roleKey('UK Defence Secretary')).toBe(roleKey('US Defense Secretary'));
    expect(roleKey('Defence Minister')).not.toBe(roleKey('Foreign Minister'));
  });

  it('files an institution named by its initials with its name spelt out', () => {
    expect(roleKey('NSC Coordinator for Strategic Communications')).toBe(
      roleKey('National Security Council Coordinator for Strategic Communications'),
    );
    expect(roleKey('IDF spokesman')).toBe(roleKey('Israel Defense Forces spokesman'));
    expect(roleKey('NSC spokesman')).not.toBe(roleKey('IDF spokesman'));
  });

  it("files a spokesman's and a spokesperson's office together, however the body is named", () => {
    expect(roleKey("White House's National Security Council spokesperson")).toBe(
      roleKey('White House National Security Council Spokesman'),
    );
    expect(roleKey('spokesman for the National Security Council')).toBe(
      roleKey('National Security Council spokeswoman'),
    );
    expect(roleKey('spokesman for Hamas')).not.toBe(roleKey('IDF spokesman'));
    expect(roleKey('Secretary of State')).toBe('secretary of state');
  });

  it('gives the name after "a spokesman for the ..." the office spoken for, not the spokesman', () => {
    const { people } = analyzeArticle({
      title: '',
      body:
        'A spokesman for the UN Secretary-General António Guterres said the attack was condemned. ' +
        'National Security Council spokesman John Kirby said the talks went well.',
      published: '2024-04-05T00:00:00Z',
    });
    expect(people?.map((person) => [person.name, person.role])).toEqual([
      ['António Guterres', 'UN Secretary-General'],
      ['John Kirby', 'National Security Council spokesman'],
    ]);
  });

  it('reads a transcript’s "Prime Minster" as the Prime Minister, not as a name', () => {
    expect(roleKey('Prime Minster')).toBe(roleKey('Prime Minister'));
    expect(roleSpelling('Prime Minster')).toBe('Prime Minister');
    const { quotes } = analyzeArticle({
      title: '',
      body: 'Prime Minster Netanyahu said the talks were useful.',
      published: '2024-04-05T00:00:00Z',
    });
    expect(quotes.map((quote) => quote.speaker)).toEqual(['Netanyahu']);
  });
});
