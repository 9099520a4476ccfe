import type { PaperSummary, PresenceUser } from '@standpunt/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useCurrentUser } from '../auth/useCurrentUser';
import { LOCALES } from '../i18n/translate';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { ConnectionStatus } from './ConnectionStatus';
import { LiveEditor } from './LiveEditor';
import { PresenceList } from './PresenceList';
import { READ_ONLY_MESSAGES, readOnlyReason } from './readOnlyReason';
import type { CollabSession } from './useCollabSession';
import { useConnectionState } from './useConnectionState';
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
        {connection.everSynced ? (
          <LiveEditor session={session} presence={presence} mayEdit={mayEdit} />
        ) : (
          // The editor is made only on the synced doc: made on an empty one, it would write its
          // own empty first paragraph into the shared text.
          <Paragraph className="standpunt-loading" aria-busy="true">
            {t('paper.textLoading')}
          </Paragraph>
        )}
      </div>
      <PresenceList entries={people} />
    </div>
  );
}
