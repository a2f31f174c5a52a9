import type { WindowStory } from '../analysis/stories/read.ts';

/** One development of the window, as a briefing or a timeline lists it. */
export interface Development {
  /** The story (event) it stands for, for "new since last time" and cross-referencing. */
  story: string;
  /** The day of the event: when its story's gravest report came (`eventDay`). */
  date: string;
  text: string;
  /**
   * Severity (0-5) from the events analysis, or null where it has not scored the reports or
   * they are all transcripts, whose headlines rate no event.
   */
  severity: number | null;
  /** Keys of the source groups that report it. */
  groups: string[];
}

/** A briefing lists at most this many developments: the week's events, not its articles. */
export const MAX_DEVELOPMENTS = 8;

/**
 * One line per story (event), in the order given (most important first): its best headline,
 * its day and level, citing the source groups of the story's reports that the view read
 * (`groupsOf`).
 */
export function developmentsFor(
  stories: readonly WindowStory[],
  groupsOf: (storyId: string) => string[],
): Development[] {
  return stories.map((story) => ({
    story: story.id,
    date: story.eventDay,
    text: story.title,
    severity: story.records === story.reports ? null : story.level,
    groups: groupsOf(story.id),
  }));
}
