import { CloseCode, userColor, type PaperSummary, type PresenceUser } from '@standpunt/shared';
import { useEffect, useMemo } from 'react';
import { useAuth } from '../auth/useAuth';
import { useCurrentUser } from '../auth/useCurrentUser';
import { LoadingMessage } from '../layout/LoadingMessage';
import type { ThreadsDocState } from '../threads/useThreadsDoc';
import { CollabEditor } from './CollabEditor';
import { PaperUnavailable } from './PaperUnavailable';
import { presenceUserFor } from './presenceList';
import { useCollabSession } from './useCollabSession';

interface PaperWorkspaceProps {
  paper: PaperSummary;
  /** The paper's threads and positions, synced live. */
  threadsDoc: ThreadsDocState;
  /** The server closed the socket for want of rights: read the paper again to learn why. */
  onAccessLost: () => void;
}

/** Opens the paper's live document and shows the editor, or why it cannot be opened. */
export function PaperWorkspace({ paper, threadsDoc, onAccessLost }: PaperWorkspaceProps) {
  const user = useCurrentUser();
  const { sessionExpired } = useAuth();
  const presence: PresenceUser = useMemo(() => presenceUserFor(user, userColor(user.id)), [user]);
  const { session, fatalCloseCode } = useCollabSession(paper.id, presence);

  useEffect(() => {
    if (fatalCloseCode === CloseCode.notSignedIn) sessionExpired();
    if (fatalCloseCode === CloseCode.forbidden) onAccessLost();
  }, [fatalCloseCode, sessionExpired, onAccessLost]);

  if (fatalCloseCode === CloseCode.forbidden) return <PaperUnavailable reason="forbidden" />;
  if (fatalCloseCode === CloseCode.paperNotFound) return <PaperUnavailable reason="notFound" />;
  if (!session) return <LoadingMessage />;
  return (
    <CollabEditor
      key={paper.id}
      session={session}
      paper={paper}
      presence={presence}
      threadsDoc={threadsDoc}
    />
  );
}
