import type * as Y from 'yjs';
import { POSITIONS_MAP, THREADS_MAP, type Position, type Thread } from '@standpunt/shared';
import type { PaperDocs } from '../threads/ThreadService.js';
import { contentView, isOrphaned, resolveAnchor } from '../threads/contentAnchors.js';

export interface PaperResponses {
  threads: Thread[];
  positions: Position[];
  /** Ids of threads whose quoted text is gone from the live text. */
  orphaned: Set<string>;
}

function byTimeThenId<T extends { id?: string; createdAt?: string; at?: string }>(a: T, b: T) {
  const time = (a.createdAt ?? a.at ?? '').localeCompare(b.createdAt ?? b.at ?? '');
  return time !== 0 ? time : (a.id ?? '').localeCompare(b.id ?? '');
}

/** Every thread and position of the paper, oldest first, and which threads are orphaned now. */
export function loadResponses(papers: PaperDocs, paperId: string): Promise<PaperResponses> {
  return papers.withPaper(paperId, (paper) => {
    const threadsDoc: Y.Doc = paper.threads.doc;
    const threads = [...threadsDoc.getMap<Thread>(THREADS_MAP).values()].sort(byTimeThenId);
    const positions = [...threadsDoc.getMap<Position>(POSITIONS_MAP).values()].sort(
      (a, b) => byTimeThenId(a, b) || a.municipality.localeCompare(b.municipality),
    );
    const view = contentView(paper.content.doc);
    const orphaned = new Set(
      threads
        .filter(
          (t) => t.anchor && isOrphaned(t.quote, resolveAnchor(paper.content.doc, t.anchor, view)),
        )
        .map((t) => t.id),
    );
    return { threads, positions, orphaned };
  });
}
