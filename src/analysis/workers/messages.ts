import type { Analysis } from '../analysis.ts';
import type { FeedListing, FeedRequest } from '../../corpus/feed-items.ts';

/** What the analysis pool sends a worker thread: only the fields the analysis reads. */
export interface AnalysisRequest {
  id: number;
  article: { title: string; body: string; published: string };
}

/** A feed document to read on a thread (its keys, and the items at `pick`). */
export interface FeedJob {
  id: number;
  feed: FeedRequest;
}

export type AnalysisReply =
  | { id: number; analysis: Analysis }
  | { id: number; listing: FeedListing }
  | { id: number; error: string };
