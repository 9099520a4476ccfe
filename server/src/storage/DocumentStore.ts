import type { DocName } from '@standpunt/shared';

/** Yjs state of both of a paper's docs, each as one update (`Y.encodeStateAsUpdate`). */
export interface PaperState {
  content: Uint8Array;
  threads: Uint8Array;
}

/** Updates to apply, in order, per doc: the compacted snapshot first, then the logged updates. */
export type StoredPaper = Record<DocName, Uint8Array[]>;

/**
 * Where the Yjs documents of papers are kept: per doc, a snapshot and a log of the updates
 * since. Implemented over files (`FileDocumentStore`) and over PostgreSQL (`PgDocumentStore`).
 */
export interface DocumentStore {
  /** Everything stored for a paper, or `null` when nothing is. */
  load(paperId: string): Promise<StoredPaper | null>;
  /**
   * Records one update of one doc. Once it returns (a store that writes synchronously, such as
   * the file store) or its promise resolves (a database), the update survives a crash of this
   * process (kill -9); the server relays an update only after. A paper's appends are made one
   * after the other: the next is called only once the previous one is durable.
   */
  append(paperId: string, doc: DocName, update: Uint8Array): void | Promise<void>;
  /**
   * Replaces the paper's stored state by `state`, which holds every update this store appended
   * or loaded for the paper before the call, and forgets exactly those logged updates: an
   * update logged meanwhile by anyone else stays in the log. Also how a paper's initial docs
   * are created. Atomic: afterwards the paper loads either as before or as `state`.
   */
  compact(paperId: string, state: PaperState): Promise<void>;
  /** Waits for writes in progress and releases files. */
  close(): Promise<void>;
}
