import { describe, expect, it } from 'vitest';
import gazetteer from '../../src/analysis/lexicons/gazetteer.json' with { type: 'json' };
import {
  isFirstName,
  isOrganisationName,
  isPlace,
  isVerbLike,
} from '../../src/analysis/lexicon.ts';
import { gazetteerFromCompromise } from '../../scripts/gazetteer.ts';

describe('the gazetteer taken from compromise', () => {
  it('holds exactly the installed compromise lexicon (re-run scripts/gazetteer.ts after an upgrade)', () => {
    expect(gazetteer).toEqual(gazetteerFromCompromise());
  });

  it('answers the rules from its tags', () => {
    expect(isPlace('nairobi')).toBe(true);
    expect(isFirstName('maria')).toBe('female');
    expect(isOrganisationName('nato')).toBe(true);
    expect(isVerbLike('walked')).toBe(true);
    expect(isPlace('constructor')).toBe(false);
  });
});
