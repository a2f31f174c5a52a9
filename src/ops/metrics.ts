import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The operational counters behind `/metrics`, in Prometheus text format. Each module reports
 * through the small functions here, so none of them depends on prom-client.
 */
export interface Metrics {
  readonly registry: Registry;
  commandAnswered(command: string, outcome: string, ms: number): void;
  articlesIngested(result: 'added' | 'duplicate' | 'failed', count: number): void;
  deliveryFinished(platform: string, outcome: string): void;
  /** Registers a reader for the outbox backlog, sampled at each scrape. */
  observeBacklog(read: () => number): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  const commands = new Counter({
    name: 'sitrep_commands_total',
    help: 'Commands answered, by command and outcome (ok, user-error, error).',
    labelNames: ['command', 'outcome'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'sitrep_command_duration_seconds',
    help: 'Time from invocation to answer.',
    labelNames: ['command'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const ingested = new Counter({
    name: 'sitrep_ingest_articles_total',
    help: 'Articles offered to ingest, by result (added, duplicate, failed).',
    labelNames: ['result'],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'sitrep_deliveries_total',
    help: 'Alert deliveries finished, by platform and outcome.',
    labelNames: ['platform', 'outcome'],
    registers: [registry],
  });
  let readBacklog: () => number = () => 0;
  new Gauge({
    name: 'sitrep_outbox_backlog',
    help: 'Deliveries waiting in the outbox (pending or sending).',
    registers: [registry],
    collect() {
      this.set(readBacklog());
    },
  });
  return {
    registry,
    commandAnswered(command, outcome, ms) {
      commands.inc({ command, outcome });
      latency.observe({ command }, ms / 1000);
    },
    articlesIngested(result, count) {
      if (count > 0) ingested.inc({ result }, count);
    },
    deliveryFinished(platform, outcome) {
      deliveries.inc({ platform, outcome });
    },
    observeBacklog(read) {
      readBacklog = read;
    },
  };
}
