import type { SourceGroup } from './syndication.ts';

/** One story of the window, as a briefing or a timeline lists it. */
export interface Development {
  /** Stable id of the story, for "new since last time" and for cross-referencing. */
  story: string;
  date: string;
  text: string;
  /** The story's severity (0-5), or null while no event analysis is available. */
  severity: number | null;
  /** Keys of the source groups that report it. */
  groups: string[];
}

/**
 * One line per story, newest first: its headline, date and severity.
 *
 * Integration point: until the events helper's story clustering is connected, a story is one
 * source group (an article and its syndicated copies) and severity is unknown. Connect the
 * events helper's stories (ids, headline, date, severity) here; the group keys they contain
 * resolve to citations.
 */
export function developmentsFor(groups: readonly SourceGroup[]): Development[] {
  return groups
    .map((group) => {
      const first = group.items[0]!.article;
      return {
        story: group.key,
        date: first.published,
        text: first.title,
        severity: null,
        groups: [group.key],
      };
    })
    .sort((a, b) => b.date.localeCompare(a.date));
}
