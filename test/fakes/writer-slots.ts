/** The shared-memory slots between the backup test and its writer thread (`ingest-writer.ts`). */
export enum WriterSlot {
  /** Articles whose transaction has begun (committed or about to be). */
  Started = 0,
  /** Articles committed. */
  Committed = 1,
  /** Set by the test to let the writer commit the transaction it holds open. */
  Release = 2,
  /** Set by the test to stop the writer. */
  Stop = 3,
}

export const WRITER_SLOTS = 4;

export interface WriterData {
  db: string;
  /** `Int32Array` over a `SharedArrayBuffer` of `WRITER_SLOTS` slots. */
  state: Int32Array;
  /** Committed articles after which the writer holds a transaction open. */
  holdAfter: number;
  /** Articles ingested inside that open transaction. */
  held: number;
}

/** What the writer posts after each commit, and once while it holds a transaction open. */
export interface WriterProgress {
  committed: number;
  holding: boolean;
}
