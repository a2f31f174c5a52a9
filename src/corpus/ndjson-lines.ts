import { createReadStream } from 'node:fs';

/** One line of a file: its text, or null when it was longer than the limit and was dropped. */
export interface FileLine {
  text: string | null;
  /** Its length in bytes, counted even when it was dropped. */
  bytes: number;
}

const NEWLINE = 0x0a;

/**
 * The lines of a file, read as a stream so that a large NDJSON file is never held whole. A line
 * over `maxBytes` is not kept either: its bytes are counted and dropped as they arrive, and it
 * comes out as `text: null`, so one oversized record costs no more memory than the limit and
 * the lines after it keep their numbers.
 */
export async function* fileLines(path: string, maxBytes: number): AsyncGenerator<FileLine> {
  let parts: Buffer[] = [];
  let bytes = 0;
  const line = (): FileLine => {
    const text = bytes > maxBytes ? null : Buffer.concat(parts).toString('utf8');
    const done = { text, bytes };
    parts = [];
    bytes = 0;
    return done;
  };
  const keep = (piece: Buffer) => {
    bytes += piece.length;
    if (bytes <= maxBytes) parts.push(piece);
    else parts = [];
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, from)) {
      keep(chunk.subarray(from, at));
      yield line();
      from = at + 1;
    }
    keep(chunk.subarray(from));
  }
  if (bytes > 0) yield line();
}
