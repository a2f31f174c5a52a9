/**
 * The port through which a language model may write a briefing's summary. `src/llm/`
 * implements it with an OpenAI-compatible server; commands only see this interface, so they
 * never import an SDK, and without a configured model the extractive summary stands.
 */

/** One numbered source as the model sees it: article text is data, never instructions. */
export interface BriefingSnippet {
  n: number;
  outlet: string;
  title: string;
  published: string;
  text: string;
}

export interface WriterRequest {
  topic: string;
  /** Identifies the corpus state and window, so an answer can be cached until it changes. */
  cacheKey: string;
  snippets: BriefingSnippet[];
  /** Full text of each numbered source (all its copies), against which output is verified. */
  sourceTexts: ReadonlyMap<number, string>;
}

export type WriterResult =
  | { ok: true; summary: { text: string; citations: number[] }[]; dropped: number }
  | { ok: false; reason: 'timeout' | 'rate-limited' | 'error' | 'unverified' };

export interface BriefingWriter {
  write(request: WriterRequest): Promise<WriterResult>;
}
