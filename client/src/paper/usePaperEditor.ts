import { CONTENT_FRAGMENT, paperExtensions, type PresenceUser } from '@standpunt/shared';
import Collaboration, { isChangeOrigin } from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useEditor, type Editor } from '@tiptap/react';
import { useEffect } from 'react';
import { ThreadHighlights } from '../threads/ThreadHighlights';
import { ReadOnlyCaret } from './ReadOnlyCaret';
import { LaidOutBlocks } from './LaidOutBlocks';
import type { CollabSession } from './useCollabSession';
import { renderCaret } from './renderCaret';

export interface PaperEditorOptions {
  session: CollabSession;
  presence: PresenceUser;
  label: string;
  /** False until the first sync and for people who may only read. */
  editable: boolean;
}

/** The TipTap editor on the paper's shared doc, with carets of everyone else and threads. */
export function usePaperEditor({
  session,
  presence,
  label,
  editable,
}: PaperEditorOptions): Editor | null {
  const { doc, provider } = session;
  const editor = useEditor(
    {
      editable: false,
      immediatelyRender: true,
      extensions: [
        // Blocks that arrive from other people already carry their ids: only id our own.
        ...paperExtensions({ assignBlockIds: (transaction) => !isChangeOrigin(transaction) }),
        Collaboration.configure({ document: doc, field: CONTENT_FRAGMENT }),
        CollaborationCaret.configure({ provider, user: presence, render: renderCaret }),
        ThreadHighlights,
        ReadOnlyCaret,
        LaidOutBlocks,
      ],
      editorProps: { attributes: editorAttributes(label, false) },
    },
    [doc, provider],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setOptions({
      editable,
      editorProps: { ...editor.options.editorProps, attributes: editorAttributes(label, editable) },
    });
  }, [editor, label, editable]);

  return editor;
}

function editorAttributes(label: string, editable: boolean): Record<string, string> {
  return {
    'aria-label': label,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-readonly': String(!editable),
    // Focusable also when read-only, so keyboard users can select text to respond to.
    tabindex: '0',
    class: 'standpunt-document',
  };
}
