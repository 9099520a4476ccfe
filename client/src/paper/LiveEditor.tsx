import { EditorContent, type Editor } from '@tiptap/react';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { EditorToolbar } from './EditorToolbar';
import { LinkForm } from './LinkForm';

interface LiveEditorProps {
  editor: Editor;
  /** Whether this person may change the text (a hint: the server enforces it). */
  mayEdit: boolean;
  /** What goes in the margin next to the text (tallies of positions per block). */
  margin?: ReactNode;
}

/** The toolbar and the editor on the paper's synced doc. */
export function LiveEditor({ editor, mayEdit, margin }: LiveEditorProps) {
  const [linkFormOpen, setLinkFormOpen] = useState(false);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k' && mayEdit) {
      event.preventDefault();
      setLinkFormOpen(true);
    }
  };

  return (
    <>
      {mayEdit && (
        <EditorToolbar editor={editor} editable={mayEdit} onLink={() => setLinkFormOpen(true)} />
      )}
      {linkFormOpen && mayEdit && (
        <LinkForm editor={editor} onClose={() => setLinkFormOpen(false)} />
      )}
      <div className="standpunt-editor" data-with-margin={margin ? true : undefined}>
        <div className="standpunt-editor__text" onKeyDown={onKeyDown}>
          <EditorContent editor={editor} id="paper-editor" />
        </div>
        {margin}
      </div>
    </>
  );
}
