import { isAllowedLinkHref } from '@standpunt/shared';
import type { Editor } from '@tiptap/react';
// Brings the command types of the StarterKit extensions (toggleBold, setLink, …) into scope.
import type {} from '@tiptap/starter-kit';

export type LinkResult = 'set' | 'removed' | 'invalid';

/**
 * Sets the link on the selection (or the link the cursor is in) to `input`; an empty input
 * removes it. Only http, https and mailto are accepted, as in the paper schema. With nothing
 * selected, the address itself is inserted as the link text.
 */
export function applyLink(editor: Editor, input: string): LinkResult {
  const href = input.trim();
  if (href === '') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    return 'removed';
  }
  if (!isAllowedLinkHref(href)) return 'invalid';
  if (editor.state.selection.empty && !editor.isActive('link')) {
    editor
      .chain()
      .focus()
      .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
      .run();
  } else {
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
  }
  return 'set';
}
