import type { StoryLink } from './story-links.ts';
import type { SourceGroup } from './syndication.ts';

/** One development of the window, as a briefing or a timeline lists it. */
export interface Development {
  /** Stable id of the development, for "new since last time" and for cross-referencing. */
  story: string;
  date: string;
  text: string;
  /** Severity (0-5) from the events analysis, or null where it has not scored the reports. */
  severity: number | null;
  /** Keys of the source groups that report it. */
  groups: string[];
}

/**
 * One line per reported development, newest first: a source group (an article and its
 * syndicated copies) with its headline, date and the highest severity the events analysis gave
 * its articles. The events analysis's own stories cluster more widely (a whole crisis week can
 * be one story), which would fold a briefing's developments into a single line, so they are not
 * used as the unit here; their severities and escalation are.
 */
export function developmentsFor(
  groups: readonly SourceGroup[],
  links: ReadonlyMap<string, StoryLink>,
): Development[] {
  return groups
    .map((group) => {
      const first = group.items[0]!.article;
      const levels = group.items
        .map((item) => links.get(item.article.id)?.level)
        .filter((level): level is number => level !== undefined);
      return {
        story: group.key,
        date: first.published,
        text: first.title,
        severity: levels.length > 0 ? Math.max(...levels) : null,
        groups: [group.key],
      };
    })
    .sort((a, b) => b.date.localeCompare(a.date));
}
