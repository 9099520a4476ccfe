import { userColor, type PresenceUser } from '@standpunt/shared';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useCurrentUser } from '../auth/useCurrentUser';
import { DraftsPanel } from '../drafts/DraftsPanel';
import { useT, type TranslateFn } from '../i18n/useT';
import { useThreadsDoc } from '../threads/useThreadsDoc';
import { LoadingMessage } from '../layout/LoadingMessage';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { MembersPanel } from './MembersPanel';
import { PaperHeader } from './PaperHeader';
import { PaperUnavailable } from './PaperUnavailable';
import { PaperWorkspace } from './PaperWorkspace';
import { presenceUserFor } from './presenceList';
import { useCollabSession } from './useCollabSession';
import { usePaperSummary, type PaperState } from './usePaperSummary';
import { useRefreshWhileVisible } from './useRefreshWhileVisible';

/** `/papers/:id`: the paper's title and phase, its live text, its threads, its drafts and its members. */
export function PaperPage() {
  const t = useT();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const presence: PresenceUser = useMemo(() => presenceUserFor(user, userColor(user.id)), [user]);
  const [paper, refresh] = usePaperSummary(id);
  // Someone else may change this person's role or the phase at any time.
  useRefreshWhileVisible(refresh);
  useDocumentTitle(pageTitle(paper, t));
  // Both documents connect while the summary loads, not after it: opening a long paper then
  // waits for its text alone, not for one request after the other. Once the summary says the
  // paper cannot be shown, they let go.
  const liveId = paper.status === 'loading' || paper.status === 'ready' ? id : '';
  const collab = useCollabSession(liveId, presence);
  // Here rather than in the workspace: the header shows the tally of positions on the paper.
  const threadsDoc = useThreadsDoc(liveId);

  if (paper.status === 'loading') return <LoadingMessage text={t('paper.loading')} />;
  if (paper.status === 'lost') return <PaperUnavailable reason="forbidden" pageLevel />;
  if (paper.status === 'error') {
    if (paper.httpStatus === 404) return <PaperUnavailable reason="notFound" pageLevel />;
    if (paper.httpStatus === 403) return <PaperUnavailable reason="forbidden" pageLevel />;
    return (
      <Alert type="error" role="alert">
        <Paragraph>{paper.message}</Paragraph>
      </Alert>
    );
  }
  return (
    <article className="standpunt-paper">
      <PaperHeader paper={paper.data} threadsDoc={threadsDoc} onChanged={refresh} />
      <PaperWorkspace
        key={paper.data.id}
        paper={paper.data}
        collab={collab}
        presence={presence}
        threadsDoc={threadsDoc}
        onAccessLost={refresh}
      />
      <DraftsPanel paper={paper.data} />
      <MembersPanel paper={paper.data} onChanged={refresh} />
    </article>
  );
}

function pageTitle(paper: PaperState, t: TranslateFn): string {
  switch (paper.status) {
    case 'ready':
      return paper.data.title;
    case 'loading':
      return t('paper.loading');
    case 'lost':
      return t('paper.forbidden');
    case 'error':
      return paper.httpStatus === 404 ? t('paper.notFound') : t('paper.forbidden');
  }
}
