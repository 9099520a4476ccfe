import type { PresenceUser } from '@standpunt/shared';
import { EditorContent } from '@tiptap/react';
import { useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/useT';
import { EditorToolbar } from './EditorToolbar';
import { LinkForm } from './LinkForm';
import type { CollabSession } from './useCollabSession';
import { usePaperEditor } from './usePaperEditor';

interface LiveEditorProps {
  session: CollabSession;
  presence: PresenceUser;
  /** Whether this person may change the text (a hint: the server enforces it). */
  mayEdit: boolean;
}

/** The toolbar and the editor on the paper's synced doc. */
export function LiveEditor({ session, presence, mayEdit }: LiveEditorProps) {
  const t = useT();
  const editor = usePaperEditor({
    session,
    presence,
    label: t('paper.editorLabel'),
    editable: mayEdit,
  });
  const [linkFormOpen, setLinkFormOpen] = useState(false);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k' && mayEdit) {
      event.preventDefault();
      setLinkFormOpen(true);
    }
  };

  return (
    <>
      {editor && mayEdit && (
        <EditorToolbar editor={editor} editable={mayEdit} onLink={() => setLinkFormOpen(true)} />
      )}
      {editor && linkFormOpen && mayEdit && (
        <LinkForm editor={editor} onClose={() => setLinkFormOpen(false)} />
      )}
      <div className="standpunt-editor" onKeyDown={onKeyDown}>
        <EditorContent editor={editor} id="paper-editor" />
      </div>
    </>
  );
}
