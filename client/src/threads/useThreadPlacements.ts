import type { Thread } from '@standpunt/shared';
import type { Editor } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import type { Transaction } from '@tiptap/pm/state';
import { useEffect, useState } from 'react';
import { sameItems } from '../state/sameItems';
import { editorContentRef } from './contentRef';
import type { HighlightLabels, HighlightRange } from './highlightDecorations';
import { blockIdAt } from './liveBlocks';
import { placeThreads, type PlacedThread } from './threadAnchors';
import { setThreadHighlights, threadHighlightsKey } from './ThreadHighlights';

function samePlacements(a: readonly PlacedThread[], b: readonly PlacedThread[]): boolean {
  return sameItems(
    a,
    b,
    (p, q) =>
      p.thread === q.thread &&
      p.blockId === q.blockId &&
      JSON.stringify(p.placement) === JSON.stringify(q.placement),
  );
}

function sameRanges(a: readonly HighlightRange[], b: readonly HighlightRange[]): boolean {
  return sameItems(
    a,
    b,
    (x, y) =>
      x.id === y.id &&
      x.from === y.from &&
      x.to === y.to &&
      x.kind === y.kind &&
      x.replacement === y.replacement,
  );
}

/** The open threads that show in the text. */
function highlightRanges(placed: readonly PlacedThread[]): HighlightRange[] {
  return placed.flatMap(({ thread, placement }) =>
    placement.type === 'anchored' && thread.status === 'open'
      ? [
          {
            id: thread.id,
            kind: thread.kind,
            from: placement.from,
            to: placement.to,
            replacement: thread.replacement,
          },
        ]
      : [],
  );
}

/**
 * Where every thread is in the live text, resolved again after each change of the text (by
 * anyone) and of the threads, and handed to the highlights in the editor.
 */
export function useThreadPlacements(
  editor: Editor | null,
  threads: readonly Thread[],
  labels: HighlightLabels,
): PlacedThread[] {
  const [placed, setPlaced] = useState<PlacedThread[]>([]);
  const { proposal } = labels;

  useEffect(() => {
    if (!editor) return;
    setThreadHighlights(editor, { labels: { proposal } });
  }, [editor, proposal]);

  useEffect(() => {
    if (!editor) return;
    let scheduled = false;
    let frame: number | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const cancelAfterPaint = () => {
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      frame = timer = null;
    };
    const resolve = () => {
      scheduled = false;
      cancelAfterPaint();
      const content = stopped ? null : editorContentRef(editor);
      if (!content) return;
      const doc = editor.state.doc;
      const next = placeThreads(content, threads, (pos) => blockIdAt(doc, pos));
      setPlaced((previous) => (samePlacements(previous, next) ? previous : next));
      const ranges = highlightRanges(next);
      // Another transaction only when the highlights move: each one costs a redraw.
      if (!sameRanges(ranges, threadHighlightsKey.getState(editor.state)?.ranges ?? [])) {
        setThreadHighlights(editor, { ranges });
      }
    };
    // After the transaction: y-tiptap updates its mapping when the view has the new state.
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(resolve);
    };
    const scheduleAfterPaint = () => {
      if (scheduled || frame !== null || timer !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        timer = setTimeout(resolve, 0);
      });
    };
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (!transaction.docChanged) return;
      // Others' edits reach the editor as one replacement of the whole text, through which the
      // highlights cannot be mapped: place them again before anything is painted. One's own
      // edits map them exactly, so placing every thread (milliseconds, with hundreds) waits
      // until the keystroke is on screen.
      if (isChangeOrigin(transaction)) schedule();
      else scheduleAfterPaint();
    };
    schedule();
    editor.on('transaction', onTransaction);
    return () => {
      stopped = true;
      cancelAfterPaint();
      editor.off('transaction', onTransaction);
    };
  }, [editor, threads]);

  return placed;
}
