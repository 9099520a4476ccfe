import type { Editor } from '@tiptap/core';
import { useEffect, useRef } from 'react';
import { matchRespondShortcut, type RespondShortcut } from './respondShortcuts';

/**
 * Listens on the document, not the editor: text selected with the mouse in a read-only editor
 * leaves the focus outside it. Acts only when the selection or the focus is in the editor.
 */
export function useRespondShortcuts(
  editor: Editor | null,
  enabled: boolean,
  onShortcut: (shortcut: RespondShortcut) => void,
): void {
  const handler = useRef(onShortcut);
  handler.current = onShortcut;

  useEffect(() => {
    if (!editor || !enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = matchRespondShortcut(event);
      if (!shortcut || editor.isDestroyed) return;
      const dom = editor.view.dom;
      const anchor = document.getSelection()?.anchorNode ?? null;
      if (!dom.contains(document.activeElement) && !(anchor && dom.contains(anchor))) return;
      event.preventDefault();
      handler.current(shortcut);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [editor, enabled]);
}
