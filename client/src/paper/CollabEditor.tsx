import type { PaperSummary, PresenceUser } from '@standpunt/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { EditorContent } from '@tiptap/react';
import { useState, type KeyboardEvent } from 'react';
import { useCurrentUser } from '../auth/useCurrentUser';
import { LOCALES } from '../i18n/translate';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { ConnectionStatus } from './ConnectionStatus';
import { EditorToolbar } from './EditorToolbar';
import { LinkForm } from './LinkForm';
import { PresenceList } from './PresenceList';
import { READ_ONLY_MESSAGES, readOnlyReason } from './readOnlyReason';
import type { CollabSession } from './useCollabSession';
import { useConnectionState } from './useConnectionState';
import { usePaperEditor } from './usePaperEditor';
import { usePresence } from './usePresence';

interface CollabEditorProps {
  session: CollabSession;
  paper: PaperSummary;
  presence: PresenceUser;
}

/** Toolbar, the live text, connection state and who else is here. */
export function CollabEditor({ session, paper, presence }: CollabEditorProps) {
  const t = useT();
  const { language } = useLanguage();
  const user = useCurrentUser();
  const connection = useConnectionState(session.doc, session.provider);
  const people = usePresence(session.provider, user.id, LOCALES[language]);
  // Only a hint: the server refuses text updates from anyone without the right.
  const readOnly = readOnlyReason({ admin: user.admin, role: paper.myRole }, paper.phase);
  const mayEdit = readOnly === null;
  // Editing before the first sync would build on an empty doc and fork the text.
  const editable = mayEdit && connection.everSynced;
  const editor = usePaperEditor({ session, presence, label: t('paper.editorLabel'), editable });
  const [linkFormOpen, setLinkFormOpen] = useState(false);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k' && editable) {
      event.preventDefault();
      setLinkFormOpen(true);
    }
  };

  return (
    <div className="standpunt-workspace">
      <div className="standpunt-workspace__main">
        <ConnectionStatus
          state={connection.state}
          unsentChanges={connection.unsentChanges}
          showSaveState={mayEdit}
        />
        {/* Live, so a role or phase changed by someone else is announced when it arrives. */}
        <div aria-live="polite">
          {readOnly && (
            <Paragraph className="standpunt-readonly">{t(READ_ONLY_MESSAGES[readOnly])}</Paragraph>
          )}
        </div>
        {editor && mayEdit && (
          <EditorToolbar editor={editor} editable={editable} onLink={() => setLinkFormOpen(true)} />
        )}
        {editor && linkFormOpen && editable && (
          <LinkForm editor={editor} onClose={() => setLinkFormOpen(false)} />
        )}
        <div className="standpunt-editor" onKeyDown={onKeyDown}>
          <EditorContent editor={editor} id="paper-editor" />
        </div>
      </div>
      <PresenceList entries={people} />
    </div>
  );
}
