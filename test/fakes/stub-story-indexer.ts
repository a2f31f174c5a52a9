import type { Analysis } from '../../src/analysis/analysis.ts';
import type { StoryUpdate } from '../../src/analysis/story-update.ts';
import type { Article } from '../../src/corpus/article.ts';
import { knownTopics } from '../../src/corpus/topics.ts';

/**
 * A STAND-IN for the events branch's story indexer, so alert tests can run end to end before it
 * is merged: stories are one per topic and day, the level comes from a few keywords, deaths from
 * "N killed". It produces StoryUpdates exactly as the contract in story-update.ts describes.
 */
export function stubStoryIndexer(): (article: Article, analysis: Analysis) => StoryUpdate[] {
  const stories = new Map<string, { level: number; fatalities: number }>();
  const numbers: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };
  return (article) => {
    const text = `${article.title} ${article.body}`.toLowerCase();
    const topics = knownTopics()
      .filter((topic) => topic.terms.some((term) => new RegExp(`\\b${term}\\b`).test(text)))
      .map((topic) => topic.key);
    if (topics.length === 0) return [];
    const killed = /\b(\d+|one|two|three|four|five) (?:[a-z]+ ){0,2}(?:were |was )?killed\b/.exec(
      text,
    );
    const fatalities = killed ? (numbers[killed[1]!] ?? Number(killed[1])) : 0;
    const reasons: string[] = [];
    let level = 1;
    if (/\b(clash|clashes|attack|attacked|gunmen|armed men|gunfire)\b/.test(text)) {
      level = 4;
      reasons.push('armed clash');
    }
    if (fatalities > 0) {
      level = 5;
      reasons.push(`${fatalities} killed`);
    }
    const storyId = `${topics[0]}:${article.published.slice(0, 10)}`;
    const before = stories.get(storyId);
    const now = {
      level: Math.max(level, before?.level ?? 0),
      fatalities: Math.max(fatalities, before?.fatalities ?? 0),
    };
    stories.set(storyId, now);
    return [
      {
        storyId,
        articleId: article.id,
        topics,
        title: article.title,
        published: article.published,
        isNewStory: before === undefined,
        nearDuplicate: false,
        previousLevel: before?.level ?? 0,
        level: now.level,
        previousFatalities: before?.fatalities ?? 0,
        fatalities: now.fatalities,
        deEscalation: /\b(ceasefire|withdrew|withdrawal)\b/.test(text),
        reasons,
      },
    ];
  };
}
