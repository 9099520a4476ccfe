import { CloseCode, type PaperSummary, type PresenceUser } from '@standpunt/shared';
import { useEffect } from 'react';
import { useAuth } from '../auth/useAuth';
import { LoadingMessage } from '../layout/LoadingMessage';
import type { ThreadsDocState } from '../threads/useThreadsDoc';
import { CollabEditor } from './CollabEditor';
import { PaperUnavailable } from './PaperUnavailable';
import type { CollabSessionState } from './useCollabSession';

interface PaperWorkspaceProps {
  paper: PaperSummary;
  /** The live document's connection, opened by the page as soon as it knows the paper id. */
  collab: CollabSessionState;
  presence: PresenceUser;
  /** The paper's threads and positions, synced live. */
  threadsDoc: ThreadsDocState;
  /** The server closed the socket for want of rights: read the paper again to learn why. */
  onAccessLost: () => void;
}

/** Shows the editor on the paper's live document, or why it cannot be opened. */
export function PaperWorkspace({
  paper,
  collab,
  presence,
  threadsDoc,
  onAccessLost,
}: PaperWorkspaceProps) {
  const { sessionExpired } = useAuth();
  const { session, fatalCloseCode } = collab;

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
