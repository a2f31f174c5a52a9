/**
 * What ingesting one article did to its story: the hand-off from event analysis and story
 * clustering (which produce it inside the article's transaction) to alert detection (which
 * decides who hears about it). Severity is 0 none, 1 rhetoric and tension, 2 force posture,
 * 3 coercion, riots and blockades, 4 armed clash or attack, 5 deadly violence.
 */
export interface StoryUpdate {
  storyId: string;
  articleId: string;
  /** Keys of known topics (`kosovo`) the story is about; alerts match subscriptions on these. */
  topics: string[];
  title: string;
  published: string;
  isNewStory: boolean;
  /** True when the article only repeats a story already stored (near-duplicate). */
  nearDuplicate: boolean;
  previousLevel: number;
  level: number;
  previousFatalities: number;
  fatalities: number;
  /** A ceasefire, withdrawal or similar on this story. */
  deEscalation: boolean;
  /** Human-readable reasons that set the level ("armed clash in Banjska", "3 killed"). */
  reasons: string[];
}
