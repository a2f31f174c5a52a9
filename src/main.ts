import { commands } from '../commands/index.ts';
import { analyzeArticle } from './analysis/analyze.ts';
import { briefingMigrations } from './briefing/seen-stories.ts';
import { createStoryIndexer, type StoryIndexer } from './analysis/stories/indexer.ts';
import { storyMigrations } from './analysis/stories/schema.ts';
import { createIngester, type Ingester } from './corpus/ingest.ts';
import { corpusMigrations, migrate } from './corpus/store/migrations.ts';
import { openDatabase } from './corpus/store/database.ts';
import { createSqliteStore, type Store } from './corpus/store/store.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { createDispatch, type Dispatch } from './core/dispatch.ts';
import { silentLogger, type Logger } from './core/logger.ts';
import type { Services } from './core/services.ts';
import { createLlmBriefingWriter, type LlmOptions } from './llm/briefing-writer.ts';

/** The wired application: what every mode (bot, `ask`, `ingest`, tests) runs on. */
export interface App {
  store: Store;
  services: Services;
  dispatch: Dispatch;
  ingester: Ingester;
  /** Story clustering at ingest; `drain()` hands its StoryUpdates to alert detection. */
  stories: StoryIndexer;
  close(): void;
}

export interface AppOptions {
  /** SQLite file, or `:memory:`. */
  db: string;
  clock?: Clock;
  logger?: Logger;
  /** An OpenAI-compatible model for briefing summaries; without it they are extractive. */
  llm?: Omit<LlmOptions, 'logger'>;
}

/** The composition root: the only place that chooses concrete implementations. */
export function createApp(options: AppOptions): App {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const store = createSqliteStore(openDatabase(options.db, corpusMigrations), () => clock.now());
  const llm = options.llm ? createLlmBriefingWriter({ ...options.llm, logger }) : undefined;
  const services: Services = { store, clock, logger, commands, ...(llm ? { llm } : {}) };
  migrate(store.db, storyMigrations);
  migrate(store.db, briefingMigrations);
  const stories = createStoryIndexer(store.db);
  const ingester = createIngester({
    store,
    analyze: analyzeArticle,
    clock,
    indexers: [stories.index],
  });
  return {
    store,
    services,
    dispatch: createDispatch(services),
    ingester,
    stories,
    close: () => store.close(),
  };
}
