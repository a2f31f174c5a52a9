/**
 * What ingesting one article did to its story: the hand-off from event analysis and story
 * clustering (which produce it inside the article's transaction) to alert detection (which
 * decides who hears about it). Severity is 0 none, 1 rhetoric and tension, 2 force posture,
 * 3 coercion, riots and blockades, 4 armed clash or attack, 5 deadly violence.
 */
export interface StoryUpdate {
  storyId: string;
  articleId: string;
  /**
   * Keys of known topics (`kosovo`) this article is centrally about (named in its title or lead,
   * or often); alerts match subscriptions on these. Passing mentions are left out.
   */
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
  /** This article reports a ceasefire, withdrawal or similar step back. */
  deEscalation: boolean;
  /** Human-readable reasons that set the level ("armed clash in Banjska", "3 killed"). */
  reasons: string[];
  /** When the story's first report was published (the event's day). */
  firstSeen: string;
  /** Distinct reports of the story so far (near-duplicates not counted), and distinct outlets. */
  reports: number;
  outlets: number;
  /**
   * What this article itself reports in its lead, beside the story's totals: an alert fires on
   * a report of the event, not on an explainer or a reaction that mentions it.
   */
  report: {
    level: number;
    fatalities: number;
    /** A question headline: an explainer or an analysis, not a report of something new. */
    question: boolean;
  };
}
