import type { StoryUpdate } from '../../src/analysis/story-update.ts';

/** A story update as the events indexer would hand it over, with test-chosen fields. */
export function storyUpdate(overrides: Partial<StoryUpdate> = {}): StoryUpdate {
  return {
    storyId: 'story-banjska',
    articleId: 'article-1',
    topics: ['kosovo'],
    title: 'Gunmen clash with Kosovo police in Banjska',
    published: '2023-09-24T08:00:00.000Z',
    isNewStory: true,
    nearDuplicate: false,
    previousLevel: 0,
    level: 4,
    previousFatalities: 0,
    fatalities: 0,
    deEscalation: false,
    reasons: ['armed clash in Banjska'],
    firstSeen: '2023-09-24T08:00:00.000Z',
    reports: 2,
    outlets: 2,
    report: { level: 4, fatalities: 0, question: false },
    ...overrides,
  };
}
