import { commands } from '../commands/index.ts';
import { analyzeArticle } from './analysis/analyze.ts';
import { briefingMigrations } from './briefing/seen-stories.ts';
import { createIngester, type Ingester } from './corpus/ingest.ts';
import { corpusMigrations } from './corpus/store/migrations.ts';
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
  const store = createSqliteStore(
    openDatabase(options.db, [...corpusMigrations, ...briefingMigrations]),
    () => clock.now(),
  );
  const llm = options.llm ? createLlmBriefingWriter({ ...options.llm, logger }) : undefined;
  const services: Services = { store, clock, logger, commands, ...(llm ? { llm } : {}) };
  const ingester = createIngester({ store, analyze: analyzeArticle, clock });
  return {
    store,
    services,
    dispatch: createDispatch(services),
    ingester,
    close: () => store.close(),
  };
}
