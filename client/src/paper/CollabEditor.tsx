import type { PaperSummary, PresenceUser } from '@standpunt/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useCurrentUser } from '../auth/useCurrentUser';
import { LOCALES } from '../i18n/translate';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import type { ThreadsDocState } from '../threads/useThreadsDoc';
import { ConnectionStatus } from './ConnectionStatus';
import { PresenceList } from './PresenceList';
import { READ_ONLY_MESSAGES, readOnlyReason } from './readOnlyReason';
import { SyncedWorkspace } from './SyncedWorkspace';
import type { CollabSession } from './useCollabSession';
import { useConnectionState } from './useConnectionState';
import { usePresence } from './usePresence';

interface CollabEditorProps {
  session: CollabSession;
  paper: PaperSummary;
  presence: PresenceUser;
  threadsDoc: ThreadsDocState;
}

/** Toolbar, the live text, connection state, who else is here, and the threads. */
export function CollabEditor({ session, paper, presence, threadsDoc }: CollabEditorProps) {
  const t = useT();
  const { language } = useLanguage();
  const user = useCurrentUser();
  const connection = useConnectionState(session.doc, session.provider);
  const people = usePresence(session.provider, user.id, LOCALES[language]);
  // Only a hint: the server refuses text updates from anyone without the right.
  const readOnly = readOnlyReason({ admin: user.admin, role: paper.myRole }, paper.phase);
  const mayEdit = readOnly === null;
  const status = (
    <>
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
    </>
  );
  const presenceList = <PresenceList entries={people} />;

  if (connection.everSynced) {
    return (
      <SyncedWorkspace
        session={session}
        presence={presence}
        paper={paper}
        mayEdit={mayEdit}
        threadsDoc={threadsDoc}
        status={status}
        presenceList={presenceList}
      />
    );
  }
  return (
    <div className="standpunt-workspace">
      <div className="standpunt-workspace__main">
        {status}
        {/* The editor is made only on the synced doc: made on an empty one, it would write its
            own empty first paragraph into the shared text. */}
        <Paragraph className="standpunt-loading" aria-busy="true">
          {t('paper.textLoading')}
        </Paragraph>
      </div>
      <div className="standpunt-workspace__side">{presenceList}</div>
    </div>
  );
}
