import { isChangeOrigin } from '@tiptap/extension-collaboration';
import type { Transaction } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import type { ToolbarItem } from './toolbarItems';

export interface ToolbarState {
  /** Per item id: whether it applies at the selection (aria-pressed). */
  active: Readonly<Record<string, boolean>>;
  /** Per item id: whether it can run now. */
  can: Readonly<Record<string, boolean>>;
  link: boolean;
}

/** How long after others' edits the toolbar is checked again (they rarely change it). */
const AFTER_REMOTE_EDITS_MS = 300;

function readToolbarState(editor: Editor, items: readonly ToolbarItem[]): ToolbarState {
  return {
    active: Object.fromEntries(items.map((item) => [item.id, item.isActive?.(editor) ?? false])),
    can: Object.fromEntries(
      items.map((item) => [item.id, editor.isEditable && item.canRun(editor)]),
    ),
    link: editor.isActive('link'),
  };
}

function sameState(a: ToolbarState, b: ToolbarState): boolean {
  const same = (x: Readonly<Record<string, boolean>>, y: Readonly<Record<string, boolean>>) =>
    Object.keys(x).every((key) => x[key] === y[key]);
  return a.link === b.link && same(a.active, b.active) && same(a.can, b.can);
}

/**
 * What the formatting buttons show, read after the frame that shows a change of one's own
 * (so a keystroke reaches the screen first) and a while after others' edits. Checking every
 * button asks the editor to try each command: done on every transaction, that was most of
 * the work a remote keystroke caused.
 */
export function useToolbarState(
  editor: Editor,
  items: readonly ToolbarItem[],
  editable: boolean,
): ToolbarState {
  const [state, setState] = useState(() => readToolbarState(editor, items));

  useEffect(() => {
    let frame: number | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const read = () => {
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      frame = timer = null;
      if (editor.isDestroyed) return;
      const next = readToolbarState(editor, items);
      setState((previous) => (sameState(previous, next) ? previous : next));
    };
    const afterNextPaint = () => {
      if (frame !== null) return;
      if (timer !== null) clearTimeout(timer);
      frame = requestAnimationFrame(() => {
        frame = null;
        timer = setTimeout(read, 0);
      });
    };
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (!isChangeOrigin(transaction)) {
        // Presence and highlight refreshes change neither text, selection nor marks.
        if (transaction.docChanged || transaction.selectionSet || transaction.storedMarksSet) {
          afterNextPaint();
        }
      } else if (frame === null && timer === null) {
        timer = setTimeout(read, AFTER_REMOTE_EDITS_MS);
      }
    };
    // Not at once: a change of `editable` reaches the editor in an effect of its owner, which
    // runs after this one.
    afterNextPaint();
    editor.on('transaction', onTransaction);
    editor.on('focus', afterNextPaint);
    editor.on('blur', afterNextPaint);
    return () => {
      editor.off('transaction', onTransaction);
      editor.off('focus', afterNextPaint);
      editor.off('blur', afterNextPaint);
      if (frame !== null) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
    };
  }, [editor, items, editable]);

  return state;
}
