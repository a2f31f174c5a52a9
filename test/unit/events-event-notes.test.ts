import { describe, expect, it } from 'vitest';
import { findActors, findPlaces } from '../../src/analysis/events/actors.ts';
import { detectEvents } from '../../src/analysis/events/detect.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';

const events = (text: string) => detectEvents(text, splitSentences(text));
const actors = (sentence: string) =>
  findActors(sentence, findPlaces(sentence)).map((actor) => actor.text);

/**
 * Event notes in the style of conflict datasets ("On 1 Jan 2010, in X district (Region), ...")
 * and scraped news: what opens a sentence is not an actor, and the place after the date is.
 */
describe('event notes and sentence openers', () => {
  it('places an event in the district that follows the date', () => {
    const text =
      'On 4 Mar 2011, in Patuakhali district (Northfold), two factions of a student league clashed, ' +
      'leaving 8 people injured.';
    const [event] = events(text);
    expect(event).toMatchObject({ category: 'ASSAULT', place: 'Patuakhali', injured: 8 });
    expect(event?.actors).not.toContain('Mar');
  });

  it('does not take a capitalised everyday word opening a sentence for an actor', () => {
    expect(actors('Speaking to reporters, he said troops attacked the village.')).toEqual([
      'troops',
    ]);
    expect(actors('He paid ten times the price. Why are the police not arresting them?')).toEqual([
      'police',
    ]);
    expect(actors('Hundreds of protesters marched.')).toEqual(['protesters']);
  });

  it('keeps acronyms, surnames and names that open a sentence', () => {
    expect(actors('US forces struck the port.')).toContain('US forces');
    expect(actors('WHO said the hospital was hit.')).toEqual(['WHO']);
    expect(actors('Brown said the troops fired.')).toEqual(['Brown', 'troops']);
    expect(actors('Netanyahu said troops would go in.')).toEqual(['Netanyahu', 'troops']);
  });
});
