import * as Y from 'yjs';
import { DOC_NAMES, type DocName } from '@standpunt/shared';
import type { PaperState, StoredPaper } from '../DocumentStore.js';

/** One of a paper's docs, built from its stored updates as a server loads it. */
export function docFrom(paperId: string, doc: DocName, updates: Uint8Array[]): Y.Doc {
  const ydoc = new Y.Doc();
  try {
    for (const update of updates) Y.applyUpdate(ydoc, update);
  } catch (error) {
    ydoc.destroy();
    // Named, so that the administrator knows which paper to look at (or restore).
    throw new Error(`The ${doc} doc of paper ${paperId} holds an update Yjs cannot apply`, {
      cause: error,
    });
  }
  return ydoc;
}

/**
 * Everything stored for a paper as one update per doc: the state a compaction writes. Built by
 * applying the updates to a doc, so an update that does not apply stops the migration here.
 */
export function compactedState(paperId: string, stored: StoredPaper): PaperState {
  const state = {} as PaperState;
  for (const doc of DOC_NAMES) {
    const ydoc = docFrom(paperId, doc, stored[doc]);
    // Includes updates still waiting for ones they depend on: nothing stored is dropped.
    state[doc] = Y.encodeStateAsUpdate(ydoc);
    ydoc.destroy();
  }
  return state;
}
