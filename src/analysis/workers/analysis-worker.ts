import { parentPort } from 'node:worker_threads';
import { listFeed } from '../../corpus/feed-items.ts';
import { prepareArticle } from '../../corpus/store/stored-form.ts';
import { analyzeArticle } from '../analyze.ts';
import type { AnalysisReply, AnalysisRequest, FeedJob } from './messages.ts';

/**
 * One analysis thread: answers each request with the article analysed and prepared for storing
 * (`prepareArticle`: ids, topics, the deflated analysis), or reads a feed
 * document (a large feed takes seconds to parse, which must not hold the main thread), or says
 * why it failed.
 */
const port = parentPort;
if (!port) throw new Error('analysis-worker runs as a worker thread');
port.on('message', (request: AnalysisRequest | FeedJob) => {
  let reply: AnalysisReply;
  try {
    reply =
      'feed' in request
        ? { id: request.id, listing: listFeed(request.feed) }
        : {
            id: request.id,
            prepared: prepareArticle(request.article, analyzeArticle(request.article)),
          };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
