import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import { storyTerms } from '../../src/analysis/stories/features.ts';
import { isOfficialDocument, officialTitle } from '../../src/analysis/stories/official-titles.ts';

describe('officialTitle', () => {
  it.each([
    [
      'Readout of National Security Advisor Dana Marsh’s Meeting with Prime Minister Karim Al Nasser of Qatar',
      'National Security Advisor Dana Marsh',
      '’s Meeting with Prime Minister Karim Al Nasser of Qatar',
    ],
    [
      'Statement from President Joe Biden on Attack on U.S. Service Members in Northeastern Jordan',
      'President Joe Biden',
      ' on Attack on U.S. Service Members in Northeastern Jordan',
    ],
    [
      'Press Briefing by Press Secretary Karine Jean-Pierre and NSC Coordinator for Strategic Communications John Kirby, January 10, 2024',
      'Press Secretary Karine Jean-Pierre and NSC Coordinator for Strategic Communications John Kirby',
      ', January 10, 2024',
    ],
    [
      'On-the-Record Press Gaggle by National Security Communications Advisor John Kirby En Route Dallas, TX',
      'National Security Communications Advisor John Kirby',
      ' En Route Dallas, TX',
    ],
    [
      'Statement from National Security Advisor Jake Sullivan Congratulating Prime Minister Al-Sabah of Kuwait',
      'National Security Advisor Jake Sullivan',
      ' Congratulating Prime Minister Al-Sabah of Kuwait',
    ],
  ])('reads the issuer of “%s”', (title, issuer, subject) => {
    expect(officialTitle(title)).toEqual({ issuer, subject });
  });

  it.each([
    'Readout of the U.S.-PRC Bilateral Counternarcotics Working Group Inaugural Meeting',
    'Readout of U.S.-EU Trade and Technology Council Fifth Ministerial Meeting',
    'Joint Statement from the Governments of Australia, Bahrain and Canada',
    'Israeli statement denies strike on aid convoy',
    'Biden says statement from Hamas is a step forward',
  ])('finds no issuer in “%s”', (title) => {
    expect(officialTitle(title)).toBeNull();
  });
});

describe('isOfficialDocument', () => {
  it.each([
    'Readout of the U.S.-PRC Bilateral Counternarcotics Working Group Inaugural Meeting',
    'FACT SHEET: Biden-Harris Administration Announces New Actions on Housing',
    'Joint Statement of the P3',
    'G7 Leaders’ Statement',
    'U.S.-Colombia Joint Communique: The Two Countries Reaffirm Shared Goals',
    'Statement by Communications Director Kirsten Allen on the Vice President’s Trip',
  ])('takes “%s” for an official document', (title) => {
    expect(isOfficialDocument(title)).toBe(true);
  });

  it.each([
    'Israeli statement denies strike on aid convoy',
    'Drone attack kills three US soldiers at base in Jordan',
    'Readouts of the talks were vague, diplomats say',
  ])('takes “%s” for news', (title) => {
    expect(isOfficialDocument(title)).toBe(false);
  });
});

describe('story terms of an official document', () => {
  it('leave out the issuer’s name and office, in the title, the lead and the names', () => {
    const title =
      'Readout of National Security Advisor Dana Marsh’s Meeting with Prime Minister Karim Al Nasser of Qatar';
    const body =
      'National Security Advisor Dana Marsh met today with Prime Minister Karim Al Nasser of ' +
      'Qatar in Doha. They discussed the hostage talks and the aid convoys through Rafah.';
    const terms = storyTerms(title, body, analyzeArticle({ title, body, published: '' }));
    expect(terms).toEqual(
      expect.arrayContaining(['qatar', 'nasser', 'hostage', 'n:karim al nasser']),
    );
    expect(terms.filter((term) => /marsh|dana|advisor|security|readout/.test(term))).toEqual([]);
  });
});
