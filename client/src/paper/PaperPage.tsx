import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useCallback } from 'react';
import { useParams } from 'react-router';
import { fetchPaper } from '../api/papers';
import { useApiData } from '../api/useApiData';
import { useT } from '../i18n/useT';
import { LoadingMessage } from '../layout/LoadingMessage';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { PaperMeta } from './PaperMeta';
import { PaperUnavailable } from './PaperUnavailable';
import { PaperWorkspace } from './PaperWorkspace';

/** `/papers/:id`: the paper's title, theme and phase, and its live text. */
export function PaperPage() {
  const t = useT();
  const { id = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => fetchPaper(id, signal), [id]);
  const [paper] = useApiData(load, id);
  useDocumentTitle(paper.status === 'ready' ? paper.data.title : t('paper.loading'));

  if (paper.status === 'loading') return <LoadingMessage text={t('paper.loading')} />;
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
      <header className="standpunt-paper__header">
        <Heading1>{paper.data.title}</Heading1>
        <PaperMeta paper={paper.data} />
      </header>
      <PaperWorkspace key={paper.data.id} paper={paper.data} />
    </article>
  );
}
