import type { WindowStory } from '../analysis/stories/read.ts';

/**
 * How much a story matters to a reader of the window: how grave it is (1.5 per level 0-5), how
 * widely it was reported (reports and outlets in the window, on a log scale: the fiftieth
 * article on an event adds little), its deaths (log scale), and whether it is new (a story that
 * began before the window is a continuing one). A deadly event reported once outranks a quarrel
 * reported five times.
 */
export function importanceOf(story: WindowStory, window: { from: string }): number {
  return (
    1.5 * story.level +
    1.5 * Math.log2(1 + story.reports) +
    Math.min(3, story.windowOutlets - 1) +
    (story.fatalities > 0 ? Math.log10(1 + story.fatalities) : 0) -
    (story.firstSeen < window.from ? 1.5 : 0)
  );
}

/**
 * The window's stories that the topic is central to (at least one report names it in its title
 * or lead, or often: a passing mention makes no development), most important first.
 */
export function rankStories(
  stories: readonly WindowStory[],
  window: { from: string },
): WindowStory[] {
  return stories
    .filter((story) => story.central > 0)
    .map((story) => ({ story, importance: importanceOf(story, window) }))
    .sort(
      (a, b) => b.importance - a.importance || a.story.firstSeen.localeCompare(b.story.firstSeen),
    )
    .map(({ story }) => story);
}
