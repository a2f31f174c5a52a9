import { Worker } from 'node:worker_threads';
import type { FeedListing, FeedRequest } from '../../corpus/feed-items.ts';
import type { ArticleInput } from '../../corpus/article.ts';
import type { PackedArticle } from '../../corpus/store/stored-form.ts';
import type { AnalysisReply, AnalysisRequest, FeedJob } from './messages.ts';

/**
 * Analyses articles and prepares them for storing (`prepareArticle`) on worker threads, so a
 * large ingest uses every core and the writing thread only writes, and reads feed
 * documents there, so a huge feed never holds the thread that answers commands.
 */
export interface AnalysisPool {
  readonly size: number;
  /** The article analysed and prepared for storing, packed (`unpackPrepared` reads it). */
  prepare(article: ArticleInput): Promise<PackedArticle>;
  readFeed(request: FeedRequest): Promise<FeedListing>;
  /** Stops the threads; jobs still running are rejected. */
  close(): Promise<void>;
}

interface Job {
  resolve(result: PackedArticle | FeedListing): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  jobs: Map<number, Job>;
}

const WORKER_URL = new URL('./analysis-worker.cjs', import.meta.url);

/**
 * Heap limits of an analysis thread. Left to itself, V8 let each thread's old generation grow
 * with garbage to well over 100 MB during a bulk load, most of the ingesting process's RSS
 * beyond the writer's. What one article keeps alive is a few MB: a 150,000-word document (four
 * times the longest body a parser accepts) analyses within 96 MB, so the limit only makes the
 * thread collect sooner. The young generation is left at 16 MB: at 8 MB the threads spent about
 * a quarter more CPU per article on scavenges for the same peak RSS (3,000 generated articles,
 * two threads: 33.9 against 28.1 CPU-ms per article, 528 and 527 MB; without the young limit
 * 25.9 CPU-ms at 607 MB). A thread that still runs out dies, fails its own job with the reason,
 * and is replaced on the next job.
 */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 96 };

/**
 * Threads start on the first job and stop after `idleMs` without work, so a bot that ingests a
 * large file now and then does not keep their memory. Each job goes to the thread with the
 * fewest jobs outstanding. A thread that dies fails its own jobs with the reason and is
 * replaced on the next job.
 */
export function createAnalysisPool(options: { size: number; idleMs?: number }): AnalysisPool {
  const idleMs = options.idleMs ?? 30_000;
  const threads: Thread[] = [];
  let nextId = 0;
  let idleTimer: NodeJS.Timeout | null = null;
  let closed = false;

  function stopThread(thread: Thread, reason: string): void {
    const index = threads.indexOf(thread);
    if (index >= 0) threads.splice(index, 1);
    for (const job of thread.jobs.values()) job.reject(new Error(reason));
    thread.jobs.clear();
  }

  function startThread(): Thread {
    const thread: Thread = {
      worker: new Worker(WORKER_URL, { resourceLimits: THREAD_LIMITS }),
      jobs: new Map(),
    };
    thread.worker.on('message', (reply: AnalysisReply) => {
      const job = thread.jobs.get(reply.id);
      if (!job) return;
      thread.jobs.delete(reply.id);
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve('listing' in reply ? reply.listing : reply.packed);
      if (thread.jobs.size === 0) thread.worker.unref();
      if (threads.every((other) => other.jobs.size === 0)) armIdleTimer();
    });
    thread.worker.on('error', (error) =>
      stopThread(thread, `analysis thread failed: ${error.message}`),
    );
    thread.worker.on('exit', (code) => stopThread(thread, `analysis thread exited (${code})`));
    threads.push(thread);
    return thread;
  }

  function armIdleTimer(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = null;
      for (const thread of [...threads])
        if (thread.jobs.size === 0) {
          threads.splice(threads.indexOf(thread), 1);
          void thread.worker.terminate();
        }
    }, idleMs);
    idleTimer.unref();
  }

  function pick(): Thread {
    if (threads.length < options.size) return startThread();
    return threads.reduce((best, thread) => (thread.jobs.size < best.jobs.size ? thread : best));
  }

  function run(message: (id: number) => AnalysisRequest | FeedJob): Promise<unknown> {
    if (closed) return Promise.reject(new Error('the analysis pool is closed'));
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    const thread = pick();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      thread.jobs.set(id, { resolve, reject });
      thread.worker.ref();
      thread.worker.postMessage(message(id));
    });
  }

  return {
    size: options.size,
    prepare: (article) => run((id) => ({ id, article })) as Promise<PackedArticle>,
    readFeed: (feed) => run((id) => ({ id, feed })) as Promise<FeedListing>,
    async close() {
      closed = true;
      if (idleTimer) clearTimeout(idleTimer);
      const stopping = threads.splice(0);
      for (const thread of stopping) {
        for (const job of thread.jobs.values())
          job.reject(new Error('the analysis pool is closed'));
        thread.jobs.clear();
      }
      await Promise.all(stopping.map((thread) => thread.worker.terminate()));
    },
  };
}
