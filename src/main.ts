import { commands } from '../commands/index.ts';
import { alertMigrations } from './alerts/migrations.ts';
import { createAlertPipeline, type AlertPipeline } from './alerts/pipeline.ts';
import { analyzeArticle } from './analysis/analyze.ts';
import { createAnalysisPool } from './analysis/workers/analysis-pool.ts';
import { briefingMigrations } from './briefing/seen-stories.ts';
import { createSuggestions } from './analysis/people/autocomplete.ts';
import { peopleMigrations } from './analysis/people/migrations.ts';
import { createPeopleWriter } from './analysis/people/registry.ts';
import { createStoryIndexer, type StoryIndexer } from './analysis/stories/indexer.ts';
import { storyMigrations } from './analysis/stories/schema.ts';
import { firstReports } from './analysis/stories/read.ts';
import { createIngester, type Ingester } from './corpus/ingest.ts';
import { corpusMigrations } from './corpus/store/migrations.ts';
import { openDatabase } from './corpus/store/database.ts';
import { createSqliteStore, type Store } from './corpus/store/store.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { withCommandLimits, type CommandLimits } from './core/command-limits.ts';
import { createDispatch, type Dispatch } from './core/dispatch.ts';
import { silentLogger, type Logger } from './core/logger.ts';
import type { Services } from './core/services.ts';
import { createLlmBriefingWriter, type LlmOptions } from './llm/briefing-writer.ts';
import { limitConcurrency } from './briefing/writer-limit.ts';
import { startLive, type Live, type LiveOptions } from './live.ts';
import { sourceMigrations } from './sources/migrations.ts';
import { readDocument } from './sources/read-document.ts';
import { createMetrics, type Metrics } from './ops/metrics.ts';

/** The wired application: what every mode (bot, `ask`, `ingest`, tests) runs on. */
export interface App {
  store: Store;
  services: Services;
  dispatch: Dispatch;
  ingester: Ingester;
  /** Story clustering at ingest; each StoryUpdate goes to alert detection in the same transaction. */
  stories: StoryIndexer;
  alerts: AlertPipeline;
  /** Operational counters, served at `/metrics` when `SITREP_HTTP_PORT` is set. */
  metrics: Metrics;
  /** Starts send queues, the inbox and the feed poller; `stop()` them before `close()`. */
  startLive(options: LiveOptions): Promise<Live>;
  close(): void;
}

export interface AppOptions {
  /** SQLite file, or `:memory:`. */
  db: string;
  /** Check the file before use (`sitrep start`); a damaged one stops start-up. */
  checkDatabase?: boolean;
  clock?: Clock;
  logger?: Logger;
  /** An OpenAI-compatible model for briefing summaries; without it they are extractive. */
  llm?: Omit<LlmOptions, 'logger'> & { maxConcurrent?: number };
  /** Per-user and per-channel command limits for chat platforms (none when absent, as in tests). */
  commandLimits?: CommandLimits;
  /**
   * Worker threads that analyse large ingests (at least `PARALLEL_FROM` articles); 0 or absent
   * analyses everything on the main thread.
   */
  analysisThreads?: number;
}

/** The composition root: the only place that chooses concrete implementations. */
export function createApp(options: AppOptions): App {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const store = createSqliteStore(
    openDatabase(
      options.db,
      [
        ...corpusMigrations,
        ...storyMigrations,
        ...alertMigrations,
        ...sourceMigrations,
        ...peopleMigrations,
        ...briefingMigrations,
      ],
      { check: options.checkDatabase ?? false },
    ),
    () => clock.now(),
  );
  const llm = options.llm
    ? limitConcurrency(
        createLlmBriefingWriter({ ...options.llm, logger }),
        options.llm.maxConcurrent ?? 4,
      )
    : undefined;
  const services: Services = { store, clock, logger, commands, ...(llm ? { llm } : {}) };
  services.suggest = createSuggestions(store.db, () => store.version()).suggest;
  const metrics = createMetrics();
  const dispatch = createDispatch(services, (invocation, result) =>
    metrics.commandAnswered(invocation.command, result.outcome, result.ms),
  );
  const alerts = createAlertPipeline({
    db: store.db,
    clock,
    logger,
    article: store.getArticle,
    storyReports: (storyId) => firstReports(store, storyId),
    onDelivery: metrics.deliveryFinished,
  });
  const limited = options.commandLimits
    ? withCommandLimits(dispatch, options.commandLimits, clock)
    : null;
  metrics.observeBacklog(() => {
    const backlog = alerts.outbox.backlog();
    return backlog.pending + backlog.sending;
  });
  const pool = options.analysisThreads
    ? createAnalysisPool({ size: options.analysisThreads })
    : undefined;
  const stories = createStoryIndexer(store.db, { onUpdate: alerts.detector.handle });
  const ingester = createIngester({
    store,
    analyze: analyzeArticle,
    ...(pool ? { parallel: pool } : {}),
    readDocument,
    clock,
    indexers: [stories.index, createPeopleWriter(store.db)],
    observe: (report) => {
      metrics.articlesIngested('added', report.added.length);
      metrics.articlesIngested('duplicate', report.duplicates.length);
      metrics.articlesIngested('failed', report.failed.length);
    },
  });
  return {
    store,
    services,
    dispatch: limited ?? dispatch,
    ingester,
    stories,
    alerts,
    metrics,
    startLive: (live) =>
      startLive(
        {
          store,
          ingester,
          alerts,
          dispatch,
          clock,
          logger,
          ...(pool ? { readFeed: pool.readFeed } : {}),
        },
        live,
      ),
    close: () => {
      limited?.close();
      void pool?.close();
      store.close();
    },
  };
}
