import { canManagePaper, type DraftSummary, type PaperSummary } from '@standpunt/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useCallback } from 'react';
import { fetchDrafts } from '../api/drafts';
import { useApiData } from '../api/useApiData';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useT } from '../i18n/useT';
import { ErrorAlert } from '../layout/ErrorAlert';
import { LoadingMessage } from '../layout/LoadingMessage';
import { DraftTable } from './DraftTable';
import { EditorialDownloads } from './EditorialDownloads';
import { FreezeDraftForm } from './FreezeDraftForm';
import { isEditorial } from './editorialAccess';

interface DraftsContentProps {
  paper: PaperSummary;
  /** The level of the headings of the sections in here. */
  level: 2 | 3;
  /** After this person froze a draft: what to announce. */
  onFrozen: (draft: DraftSummary) => void;
}

/**
 * The paper's drafts; for editors and admins also the form to freeze one, the reactienota and
 * the archive.
 */
export function DraftsContent({ paper, level, onFrozen }: DraftsContentProps) {
  const t = useT();
  const user = useCurrentUser();
  const actor = { admin: user.admin, role: paper.myRole };
  const manages = canManagePaper(actor, paper.phase);
  const editorial = isEditorial(user.admin, paper);
  const load = useCallback((signal: AbortSignal) => fetchDrafts(paper.id, signal), [paper.id]);
  // Moving to consultatie may freeze a draft on the server: read the list again after it.
  const [drafts, reload] = useApiData(load, `${paper.id}:${paper.phase}`);

  const frozen = (draft: DraftSummary) => {
    reload();
    onFrozen(draft);
  };

  return (
    <div className="standpunt-drafts__content">
      {drafts.status === 'loading' && <LoadingMessage text={t('drafts.loading')} />}
      <ErrorAlert message={drafts.status === 'error' ? drafts.message : null} />
      {drafts.status === 'ready' &&
        (drafts.data.length === 0 ? (
          <Paragraph className="standpunt-empty">{t('drafts.empty')}</Paragraph>
        ) : (
          <DraftTable drafts={drafts.data} />
        ))}
      {manages && <FreezeDraftForm paperId={paper.id} level={level} onFrozen={frozen} />}
      {editorial && drafts.status === 'ready' && (
        <EditorialDownloads paperId={paper.id} hasDrafts={drafts.data.length > 0} level={level} />
      )}
    </div>
  );
}
