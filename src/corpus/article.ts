/** A parsed article before it has an id: what every parser produces. */
export interface ArticleInput {
  title: string;
  body: string;
  /** Outlet name as printed ("time news"); "unknown" when the source does not say. */
  outlet: string;
  url: string | null;
  /** ISO 8601 timestamp (UTC). */
  published: string;
  tags: string[];
  lang: string;
  /** Where it came from: a file path, a feed URL, "stdin". */
  origin: string;
}

/** A stored article. `id` is stable across re-ingests (see `articleId`). */
export interface Article extends ArticleInput {
  id: string;
  /** ISO timestamp of first ingest. */
  ingested: string;
}
