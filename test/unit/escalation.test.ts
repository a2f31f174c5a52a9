import { describe, expect, it } from 'vitest';
import { escalationOf, storySignal } from '../../src/analysis/escalation.ts';
import type { StoryView } from '../../src/analysis/stories/read.ts';
import { windowStory } from '../fixtures/stories.ts';

/** A story (one event) with its reasons, however many articles reported it. */
const story = (
  firstSeen: string,
  level: number,
  reasons: string[],
  extra: Partial<StoryView> = {},
): StoryView =>
  windowStory(`story-${firstSeen}-${level}`, firstSeen, level, 1, {
    title: reasons[0] ?? 'quiet',
    reasons,
    ...extra,
  });

const WINDOW = { from: '2023-09-20T00:00:00Z', to: '2023-09-28T00:00:00Z' };

describe('escalationOf (a topic’s level from its events)', () => {
  it('rises when the later half brings a graver event, and names the events with their tolls', () => {
    const result = escalationOf(
      [
        story('2023-09-21T10:00:00Z', 2, ['troop deployment in Raška']),
        story('2023-09-25T10:00:00Z', 5, ['armed clash in Banjska', '4 killed'], {
          fatalities: 4,
        }),
      ],
      WINDOW,
    );
    expect(result).toMatchObject({ level: 5, label: 'deadly violence', trend: 'rising' });
    expect(result.signals).toEqual([
      'armed clash in Banjska, 4 killed',
      'troop deployment in Raška',
    ]);
    expect(result.explanation).toBe(
      '5, rising: armed clash in Banjska, 4 killed; troop deployment in Raška',
    );
  });

  it('counts an event once however many articles report it', () => {
    const clash = story('2023-09-21T10:00:00Z', 4, ['armed clash in Banjska'], {
      articleCount: 30,
    });
    // A week of many reports on one clash, then two new attacks: the later half is graver.
    const attacks = [
      story('2023-09-25T10:00:00Z', 4, ['attack in Zvečan']),
      story('2023-09-26T10:00:00Z', 4, ['shelling in Leposavić']),
      story('2023-09-27T10:00:00Z', 4, ['attack in Jarinje']),
    ];
    expect(escalationOf([clash, ...attacks], WINDOW).trend).toBe('rising');
    expect(escalationOf([clash, attacks[0]!], WINDOW).trend).toBe('steady');
  });

  it('falls when the later half is calmer, or brings a ceasefire and nothing graver', () => {
    const clash = story('2023-09-21T10:00:00Z', 4, ['armed clash in Stepanakert']);
    expect(
      escalationOf([clash, story('2023-09-26T10:00:00Z', 1, ['accusations in Pristina'])], WINDOW)
        .trend,
    ).toBe('falling');
    const ceasefire = story('2023-09-26T10:00:00Z', 4, ['ceasefire'], { deEscalation: true });
    expect(escalationOf([clash, ceasefire], WINDOW).trend).toBe('falling');
  });

  it('takes the most reported of equally grave events first, not the war’s cumulative toll', () => {
    const toll = story('2023-09-22T10:00:00Z', 5, ['attack', '25000 killed'], {
      fatalities: 25_000,
    });
    const strike = story('2023-09-23T10:00:00Z', 5, ['air strike in Rafah', '45 killed'], {
      fatalities: 45,
      articleCount: 9,
    });
    expect(escalationOf([toll, strike], WINDOW).signals[0]).toBe('air strike in Rafah, 45 killed');
    expect(storySignal(strike)).toBe('air strike in Rafah, 45 killed');
  });

  it('names an event once when a second story tells it more vaguely, with the same toll', () => {
    const placed = story('2023-09-25T10:00:00Z', 5, ['attack in Gaza', '7 killed'], {
      fatalities: 7,
    });
    const vague = story('2023-09-26T10:00:00Z', 5, ['attack', '7 killed'], { fatalities: 7 });
    const other = story('2023-09-27T10:00:00Z', 5, ['attack', '3 killed'], { fatalities: 3 });
    expect(escalationOf([vague, placed, other], WINDOW).signals).toEqual([
      'attack in Gaza, 7 killed',
      'attack, 3 killed',
    ]);
  });

  it('says so when the window has no reports', () => {
    expect(escalationOf([], WINDOW)).toEqual({
      level: 0,
      label: 'calm',
      trend: 'steady',
      signals: [],
      explanation: '0, steady: no reports in this window',
    });
  });
});
