import { describe, expect, it } from 'vitest';
import { developmentsFor, MAX_DEVELOPMENTS } from '../../src/briefing/developments.ts';
import { importanceOf, rankStories } from '../../src/briefing/importance.ts';
import { keyEvents, lineBudget } from '../../src/briefing/timeline-view.ts';
import { windowStory } from '../fixtures/stories.ts';

const WINDOW = { from: '2024-01-01T00:00:00.000Z', to: '2024-02-10T00:00:00.000Z' };

const story = windowStory;

const day = (n: number) =>
  new Date(Date.parse(WINDOW.from) + n * 86_400_000 + 3_600_000).toISOString();

describe('developments of a busy week', () => {
  // Twenty events in a week, some reported thirty times: a briefing lists eight, once each.
  const week = Array.from({ length: 20 }, (_, n) =>
    story(`e${n}`, day(n % 7), n % 5 === 0 ? 5 : 3, n < 3 ? 30 : 1 + (n % 3)),
  );

  it('keeps at most eight, one line per event, most important first', () => {
    const ranked = rankStories(week, WINDOW);
    const developments = developmentsFor(ranked.slice(0, MAX_DEVELOPMENTS), (id) => [`g-${id}`]);
    expect(developments).toHaveLength(8);
    const stories = developments.map((item) => item.story);
    expect(new Set(stories).size).toBe(stories.length);
    expect(stories.slice(0, 3).sort()).toEqual(['e0', 'e1', 'e2']);
    const scores = ranked.map((item) => importanceOf(item, WINDOW));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // A development cites the reports of its story that the view read.
    expect(developments[0]!.groups).toEqual([`g-${ranked[0]!.id}`]);
  });

  it('ranks a grave, widely reported new event above a continuing or a passing one', () => {
    const strike = story('strike', day(3), 5, 6, { windowOutlets: 3, fatalities: 40 });
    const continuing = story('old', '2023-12-28T10:00:00.000Z', 5, 6, {
      windowOutlets: 3,
      fatalities: 40,
    });
    const politics = story('vote', day(4), 1, 6);
    const passing = story('passing', day(5), 5, 9, { central: 0 });
    expect(
      rankStories([politics, continuing, passing, strike], WINDOW).map((item) => item.id),
    ).toEqual(['strike', 'old', 'vote']);
  });
});

describe('a long timeline', () => {
  it('gives about one line a day plus a tenth', () => {
    expect(lineBudget(40)).toBe(44);
    expect(lineBudget(60)).toBe(66);
    expect(lineBudget(7)).toBe(8);
  });

  it('shows forty days of war as at most 44 key events in date order, three a day at most', () => {
    // Forty days, five events a day (one deadly, four quarrels however often reported), and
    // one day of carnage with twelve deadly events.
    const stories = Array.from({ length: 40 }, (_, n) =>
      n === 20
        ? Array.from({ length: 12 }, (_, k) => story(`d${n}-${k}`, day(n), 5, 1 + k))
        : Array.from({ length: 5 }, (_, k) => story(`d${n}-${k}`, day(n), k === 0 ? 5 : 1, 1 + k)),
    ).flat();
    const chosen = keyEvents(stories, WINDOW, lineBudget(40));
    expect(chosen).toHaveLength(44);
    const dates = chosen.map((item) => item.firstSeen);
    expect(dates).toEqual([...dates].sort());
    const perDay = new Map<string, number>();
    for (const date of dates)
      perDay.set(date.slice(0, 10), (perDay.get(date.slice(0, 10)) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(3);
    // Every day's deadly event is there, and the day of carnage shows its three most reported.
    const ids = chosen.map((item) => item.id);
    for (let n = 0; n < 40; n++) if (n !== 20) expect(ids).toContain(`d${n}-0`);
    expect(ids.filter((id) => id.startsWith('d20-')).sort()).toEqual(['d20-10', 'd20-11', 'd20-9']);
  });
});
