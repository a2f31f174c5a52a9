import { describe, expect, it } from 'vitest';
import { escalationOf } from '../../src/analysis/escalation.ts';
import type { ArticleSeverityRow } from '../../src/analysis/stories/read.ts';

const row = (
  published: string,
  level: number,
  reasons: string[],
  deEscalation = false,
): ArticleSeverityRow => ({
  articleId: published,
  storyId: `story-${level}`,
  published,
  level,
  fatalities: 0,
  deEscalation,
  nearDuplicate: false,
  reasons,
});

const WINDOW = { from: '2023-09-20T00:00:00Z', to: '2023-09-28T00:00:00Z' };

describe('escalationOf', () => {
  it('rises when the later half of the window reaches a higher level', () => {
    const result = escalationOf(
      [
        row('2023-09-21T10:00:00Z', 2, ['troop deployment in Raška']),
        row('2023-09-25T10:00:00Z', 4, ['armed clash in Banjska']),
      ],
      WINDOW,
    );
    expect(result).toMatchObject({ level: 4, label: 'armed clash or attack', trend: 'rising' });
    expect(result.signals).toEqual(['armed clash in Banjska', 'troop deployment in Raška']);
    expect(result.explanation).toBe('4, rising: armed clash in Banjska; troop deployment in Raška');
  });

  it('falls when the later half is calmer', () => {
    const result = escalationOf(
      [
        row('2023-09-21T10:00:00Z', 4, ['armed clash in Banjska']),
        row('2023-09-26T10:00:00Z', 1, ['accusations in Pristina']),
      ],
      WINDOW,
    );
    expect(result).toMatchObject({ level: 4, trend: 'falling' });
  });

  it('falls on a ceasefire at the same level and is steady otherwise', () => {
    const clash = row('2023-09-21T10:00:00Z', 4, ['armed clash in Stepanakert']);
    const ceasefire = row('2023-09-26T10:00:00Z', 4, ['ceasefire'], true);
    expect(escalationOf([clash, ceasefire], WINDOW).trend).toBe('falling');
    const again = row('2023-09-26T10:00:00Z', 4, ['shelling in Stepanakert']);
    expect(escalationOf([clash, again], WINDOW).trend).toBe('steady');
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
