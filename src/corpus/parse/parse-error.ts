/** Why one file (or one item inside it) could not become an article. */
export interface ParseFailure {
  /** File path, with `:line` or `#item` when the failure is inside a multi-article file. */
  origin: string;
  reason: string;
}

/** Thrown by a single-article parser; `parseDocument` turns it into a `ParseFailure`. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
}
