import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { packPrepared, prepareArticle } from '../../corpus/store/stored-form.ts';
import { analyzeArticle } from '../analyze.ts';
import type * as FeedItems from '../../corpus/feed-items.ts';
import type { AnalysisReply, AnalysisRequest, FeedJob } from './messages.ts';

/**
 * One analysis thread: answers each request with the article analysed and prepared for storing
 * (`prepareArticle`: ids, topics, the deflated analysis), packed (`packPrepared`), or reads a feed
 * document (a large feed takes seconds to parse, which must not hold the main thread), or says
 * why it failed. The feed reader is loaded with the first feed: its parser costs a thread
 * about 17 MB, and a bulk ingest of files never asks for it.
 */
const port = parentPort;
if (!port) throw new Error('analysis-worker runs as a worker thread');
/**
 * A thread runs as CommonJS (`analysis-worker.cjs` loads it through tsx's require hook), where a
 * dynamic `import()` of TypeScript is not hooked; `require` is.
 */
const requireHere = createRequire(import.meta.url);
let feedItems: typeof FeedItems | undefined;
port.on('message', (request: AnalysisRequest | FeedJob) => {
  let reply: AnalysisReply;
  let moved: ArrayBuffer[] = [];
  try {
    if ('feed' in request) {
      feedItems ??= requireHere('../../corpus/feed-items.ts') as typeof FeedItems;
      reply = { id: request.id, listing: feedItems.listFeed(request.feed) };
    } else {
      const packed = packPrepared(prepareArticle(request.article, analyzeArticle(request.article)));
      reply = { id: request.id, packed };
      // Moved, not copied, when the bytes are the whole of their buffer (not a pooled slice).
      if (packed.byteOffset === 0 && packed.byteLength === packed.buffer.byteLength)
        moved = [packed.buffer as ArrayBuffer];
    }
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply, moved);
});
