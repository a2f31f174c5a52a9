import type { ArticleInput } from '../../corpus/article.ts';
import type { FeedListing, FeedRequest } from '../../corpus/feed-items.ts';
import type { PackedArticle } from '../../corpus/store/stored-form.ts';

/** What the analysis pool sends a worker thread: an article to analyse and prepare for storing. */
export interface AnalysisRequest {
  id: number;
  article: ArticleInput;
}

/** A feed document to read on a thread (its keys, and the items at `pick`). */
export interface FeedJob {
  id: number;
  feed: FeedRequest;
}

export type AnalysisReply =
  | { id: number; packed: PackedArticle }
  | { id: number; listing: FeedListing }
  | { id: number; error: string };
