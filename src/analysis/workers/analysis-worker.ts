import { parentPort } from 'node:worker_threads';
import { analyzeArticle } from '../analyze.ts';
import type { AnalysisReply, AnalysisRequest } from './messages.ts';

/** One analysis thread: answers each request with the article's analysis, or with why it failed. */
const port = parentPort;
if (!port) throw new Error('analysis-worker runs as a worker thread');
port.on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    reply = { id: request.id, analysis: analyzeArticle(request.article) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
