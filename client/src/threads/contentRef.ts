import type { Editor } from '@tiptap/core';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { ContentMapping, ContentRef } from './threadAnchors';

interface SyncBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: ContentMapping;
}

/**
 * The editor's content doc with y-tiptap's current Y ↔ ProseMirror mapping, or null before
 * the binding exists. Read it after a transaction has been applied: during one, the mapping
 * still describes the previous document.
 */
export function editorContentRef(editor: Editor): ContentRef | null {
  if (editor.isDestroyed) return null;
  const binding = (ySyncPluginKey.getState(editor.state) as { binding?: SyncBinding } | undefined)
    ?.binding;
  if (!binding) return null;
  return {
    ydoc: binding.doc,
    fragment: binding.type,
    mapping: binding.mapping,
    size: editor.state.doc.content.size,
  };
}
