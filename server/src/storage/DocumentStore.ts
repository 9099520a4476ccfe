import type { DocName } from '@standpunt/shared';

/** Yjs state of both of a paper's docs, each as one update (`Y.encodeStateAsUpdate`). */
export interface PaperState {
  content: Uint8Array;
  threads: Uint8Array;
}

/** Updates to apply, in order, per doc: the compacted snapshot first, then the logged updates. */
export type StoredPaper = Record<DocName, Uint8Array[]>;

/**
 * Where the Yjs documents of papers are kept. The sync server only ever talks to this
 * interface, so another engine (PostgreSQL) replaces the file store in one place.
 */
export interface DocumentStore {
  /** Everything stored for a paper, or `null` when nothing is. */
  load(paperId: string): Promise<StoredPaper | null>;
  /**
   * Records one update of one doc. Synchronous on purpose: when it returns, the update
   * survives a crash of this process (kill -9), and the server relays an update only after.
   */
  append(paperId: string, doc: DocName, update: Uint8Array): void;
  /**
   * Replaces the paper's stored state by `state` and forgets the updates logged before the
   * call. Also how a paper's initial docs are created.
   */
  compact(paperId: string, state: PaperState): Promise<void>;
  /** Waits for writes in progress and releases files. */
  close(): Promise<void>;
}
