import type { Editor } from '@tiptap/core';
import { useEffect, useRef } from 'react';
import type { PlacedThread } from './threadAnchors';

/** Open threads whose text holds the cursor, innermost (shortest) first. */
export function threadsAtCursor(placed: readonly PlacedThread[], head: number): string[] {
  return placed
    .flatMap(({ thread, placement }) =>
      placement.type === 'anchored' &&
      thread.status === 'open' &&
      placement.from <= head &&
      head <= placement.to
        ? [{ id: thread.id, length: placement.to - placement.from }]
        : [],
    )
    .sort((a, b) => a.length - b.length)
    .map((entry) => entry.id);
}

/**
 * Calls `onCursorThread` when the cursor moves: with the thread under it (the one already
 * chosen when the cursor is still in its text, otherwise the innermost), or null.
 */
export function useCursorThread(
  editor: Editor | null,
  placed: readonly PlacedThread[],
  chosen: string | null,
  onCursorThread: (id: string | null) => void,
): void {
  const latest = useRef({ placed, chosen, onCursorThread });
  latest.current = { placed, chosen, onCursorThread };

  useEffect(() => {
    if (!editor) return;
    const onSelection = () => {
      const { placed: current, chosen: selected, onCursorThread: report } = latest.current;
      const ids = threadsAtCursor(current, editor.state.selection.head);
      report(selected && ids.includes(selected) ? selected : (ids[0] ?? null));
    };
    editor.on('selectionUpdate', onSelection);
    return () => {
      editor.off('selectionUpdate', onSelection);
    };
  }, [editor]);
}
