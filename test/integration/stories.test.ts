import { describe, expect, it } from 'vitest';
import { topicEscalation } from '../../src/analysis/escalation.ts';
import { getStory, storiesForTopic } from '../../src/analysis/stories/read.ts';
import type { ArticleInput } from '../../src/corpus/article.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createApp } from '../../src/main.ts';
import { analyzeArticle } from '../../src/analysis/analyze.ts';
import { createStoryIndexer } from '../../src/analysis/stories/indexer.ts';
import { storyMigrations } from '../../src/analysis/stories/schema.ts';
import type { StoryUpdate } from '../../src/analysis/story-update.ts';
import { createIngester } from '../../src/corpus/ingest.ts';
import { openDatabase } from '../../src/corpus/store/database.ts';
import { corpusMigrations } from '../../src/corpus/store/migrations.ts';
import { createSqliteStore } from '../../src/corpus/store/store.ts';

const article = (outlet: string, published: string, title: string, body: string): ArticleInput => ({
  title,
  body,
  outlet,
  url: null,
  published,
  tags: [],
  lang: 'en',
  origin: `test/${outlet}`,
});

const DEPLOYMENT = article(
  'Balkan Wire',
  '2023-09-21T09:00:00Z',
  'Serbia moves armoured units towards the Kosovo border',
  'Serbia deployed armoured units and artillery to positions near the administrative line with ' +
    'Kosovo on Thursday, the defence ministry in Belgrade said. Officials described the move as ' +
    'routine, while Pristina called it provocative.',
);

const CLASH = article(
  'Balkan Wire',
  '2023-09-24T08:00:00Z',
  'Gunmen open fire on police patrol near Banjska monastery',
  'An armed group opened fire on a Kosovo police patrol near the village of Banjska early on ' +
    'Sunday, police said. The gunmen then barricaded themselves inside the monastery grounds ' +
    'and exchanged fire with special police units for several hours. The interior minister ' +
    'said the attackers were heavily armed and wore uniforms without insignia.',
);

const DEATHS_BODY =
  'A Kosovo police officer was killed when gunmen opened fire on a patrol near the village of ' +
  'Banjska on Sunday, and three of the attackers were killed in the shootout that followed at ' +
  'the monastery. Special police units surrounded the monastery grounds after the gunmen ' +
  'barricaded themselves inside, the interior minister told reporters in Pristina. The prime ' +
  'minister accused Belgrade of backing the armed group, a charge Serbia rejected. NATO ' +
  'peacekeepers stepped up patrols along the main road between Zvečan and Leposavić, and the ' +
  'European Union called on both sides to exercise restraint and to let the investigation run ' +
  'its course. Schools in the area stayed closed on Monday and the road to the village remained ' +
  'sealed off by the police while forensic teams worked at the scene.';

const DEATHS = article(
  'Adriatic Observer',
  '2023-09-24T14:00:00Z',
  'Police officer and three gunmen killed in Banjska monastery shootout',
  DEATHS_BODY,
);

const SYNDICATED = article(
  'Danube Daily',
  '2023-09-24T15:30:00Z',
  'Officer and three attackers dead after Banjska monastery shootout',
  DEATHS_BODY.replace('on Sunday', 'on Sunday morning'),
);

const TRADE = article(
  'Danube Daily',
  '2023-09-24T16:00:00Z',
  'EU and Kosovo sign agreement on customs data exchange',
  'Kosovo and the European Union signed an agreement on exchanging customs data in Brussels on ' +
    'Sunday, officials said, a technical step towards easier trade across the region.',
);

function ingestAll(inputs: readonly ArticleInput[]) {
  const app = createApp({ db: ':memory:', clock: fixedClock('2023-09-25T00:00:00Z') });
  const report = app.ingester.ingestArticles(inputs);
  expect(report.added).toHaveLength(inputs.length);
  return { app, updates: app.stories.drain() };
}

describe('story clustering at ingest', () => {
  it('joins two outlets on one clash into one story and reports the level raise and deaths', () => {
    const { app, updates } = ingestAll([CLASH, DEATHS]);
    const [first, second] = updates;
    expect(first).toMatchObject({
      isNewStory: true,
      nearDuplicate: false,
      previousLevel: 0,
      level: 4,
      previousFatalities: 0,
      fatalities: 0,
      deEscalation: false,
      title: CLASH.title,
      published: CLASH.published,
    });
    expect(first!.topics).toContain('kosovo');
    expect(first!.reasons[0]).toBe('armed clash in Banjska');
    expect(second).toMatchObject({
      storyId: first!.storyId,
      isNewStory: false,
      nearDuplicate: false,
      previousLevel: 4,
      level: 5,
      previousFatalities: 0,
      // One officer and three attackers, in one sentence.
      fatalities: 4,
    });
    expect(second!.reasons).toContain('4 killed');
    const story = getStory(app.store.db, first!.storyId);
    expect(story).toMatchObject({ level: 5, fatalities: 4, outlets: 2, articleCount: 2 });
    expect(story!.articleIds).toEqual([first!.articleId, second!.articleId]);
  });

  it('counts a syndicated copy once as a report but adds its outlet', () => {
    const { app, updates } = ingestAll([DEATHS, SYNDICATED]);
    expect(updates[1]).toMatchObject({
      storyId: updates[0]!.storyId,
      isNewStory: false,
      nearDuplicate: true,
    });
    const story = getStory(app.store.db, updates[0]!.storyId);
    expect(story).toMatchObject({ outlets: 2, articleCount: 1 });
    expect(story!.articleIds).toHaveLength(2);
  });

  it('opens a new story for a different event the same day', () => {
    const { updates } = ingestAll([CLASH, DEATHS, TRADE]);
    expect(updates[2]).toMatchObject({ isNewStory: true, level: 0 });
    expect(updates[2]!.storyId).not.toBe(updates[0]!.storyId);
  });

  it('lists a topic’s stories in a window, most severe first', () => {
    const { app } = ingestAll([DEPLOYMENT, CLASH, DEATHS, TRADE]);
    const stories = storiesForTopic(
      app.store.db,
      ['kosovo'],
      '2023-09-20T00:00:00Z',
      '2023-09-25T00:00:00Z',
    );
    expect(stories.map((story) => story.level)).toEqual([5, 2, 0]);
    expect(stories[0]!.reasons[0]).toBe('armed clash in Banjska');
    expect(
      storiesForTopic(app.store.db, ['kosovo'], '2023-09-22T00:00:00Z', '2023-09-23T00:00:00Z'),
    ).toEqual([]);
  });
});

const RECAP = article(
  'Capital Courier',
  '2023-09-27T10:00:00Z',
  'Washington urges restraint from Pristina and Belgrade',
  'The US State Department urged Kosovo and Serbia to show restraint on Wednesday. The call ' +
    'came three days after the armed clash at Banjska, in which a Kosovo police officer was ' +
    'killed. Diplomats said talks would resume in Brussels next month.',
);

describe('follow-ups and callbacks', () => {
  it('puts a later report that recaps the same incident into the existing story', () => {
    const { updates } = ingestAll([CLASH, DEATHS, RECAP]);
    expect(updates[2]).toMatchObject({ storyId: updates[0]!.storyId, isNewStory: false });
  });

  it('calls onUpdate inside the ingest, in order, with the same updates drain() returns', () => {
    const db = openDatabase(':memory:', [...corpusMigrations, ...storyMigrations]);
    const store = createSqliteStore(db);
    const seen: StoryUpdate[] = [];
    const stories = createStoryIndexer(db, { onUpdate: (update) => seen.push(update) });
    const ingester = createIngester({
      store,
      analyze: analyzeArticle,
      clock: fixedClock('2023-09-25T00:00:00Z'),
      indexers: [stories.index],
    });
    ingester.ingestArticles([CLASH, TRADE]);
    expect(seen.map((update) => update.title)).toEqual([CLASH.title, TRADE.title]);
    expect(stories.drain()).toEqual(seen);
    expect(stories.drain()).toEqual([]);
    store.close();
  });
});

describe('topic escalation', () => {
  it('gives the level, a rising trend and the signals that explain it', () => {
    const { app } = ingestAll([DEPLOYMENT, CLASH, DEATHS]);
    const escalation = topicEscalation(app.store.db, ['kosovo'], {
      from: '2023-09-20T00:00:00Z',
      to: '2023-09-25T00:00:00Z',
    });
    expect(escalation).toMatchObject({ level: 5, label: 'deadly violence', trend: 'rising' });
    expect(escalation.signals.slice(0, 2)).toEqual(['armed clash in Banjska', '4 killed']);
    expect(escalation.explanation).toMatch(/^5, rising: armed clash in Banjska; 4 killed/);
  });

  it('is falling when the later half is calmer and steady with no reports', () => {
    const { app } = ingestAll([CLASH, DEATHS]);
    const falling = topicEscalation(app.store.db, ['kosovo'], {
      from: '2023-09-23T00:00:00Z',
      to: '2023-09-30T00:00:00Z',
    });
    expect(falling.trend).toBe('falling');
    const quiet = topicEscalation(app.store.db, ['armenia'], {
      from: '2023-09-20T00:00:00Z',
      to: '2023-09-30T00:00:00Z',
    });
    expect(quiet).toMatchObject({ level: 0, trend: 'steady', signals: [] });
  });
});
