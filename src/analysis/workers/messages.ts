import type { Analysis } from '../analysis.ts';

/** What the analysis pool sends a worker thread: only the fields the analysis reads. */
export interface AnalysisRequest {
  id: number;
  article: { title: string; body: string; published: string };
}

export type AnalysisReply = { id: number; analysis: Analysis } | { id: number; error: string };
