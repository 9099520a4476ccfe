import type { DraftSummary } from '@standpunt/shared';
import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useT } from '../i18n/useT';
import { LoadingMessage } from '../layout/LoadingMessage';
import { StatusRegion } from '../layout/StatusRegion';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { PaperUnavailable } from '../paper/PaperUnavailable';
import { usePaperSummary } from '../paper/usePaperSummary';
import { DraftBreadcrumb } from './DraftBreadcrumb';
import { DraftsContent } from './DraftsContent';
import './drafts.css';

/** `/papers/:id/versies`: every draft of a paper; for editors also freezing and downloads. */
export function DraftsPage() {
  const t = useT();
  const { id = '' } = useParams();
  const [paper] = usePaperSummary(id);
  const [message, setMessage] = useState<string | null>(null);
  const title = paper.status === 'ready' ? t('drafts.pageTitle', { title: paper.data.title }) : '';
  useDocumentTitle(title || t('drafts.title'));

  if (paper.status === 'loading') return <LoadingMessage text={t('drafts.loading')} />;
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

  const onFrozen = (draft: DraftSummary) =>
    setMessage(t('drafts.freeze.done', { number: draft.number, label: draft.label }));

  return (
    <div className="standpunt-drafts-page">
      <DraftBreadcrumb paperId={id} paperTitle={paper.data.title} />
      <Heading1>{title}</Heading1>
      <StatusRegion message={message} />
      <DraftsContent paper={paper.data} level={2} onFrozen={onFrozen} />
    </div>
  );
}
