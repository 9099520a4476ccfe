import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { fetchPapers } from '../api/papers';
import { useApiData } from '../api/useApiData';
import { useT } from '../i18n/useT';
import { LoadingMessage } from '../layout/LoadingMessage';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { NewPaperForm } from './NewPaperForm';
import { PaperTable } from './PaperTable';

export function PaperListPage() {
  const t = useT();
  useDocumentTitle(t('papers.title'));
  const [papers] = useApiData(fetchPapers);

  return (
    <div className="standpunt-content">
      <Heading1>{t('papers.title')}</Heading1>
      {papers.status === 'loading' && <LoadingMessage text={t('papers.loading')} />}
      {papers.status === 'error' && (
        <Alert type="error" role="alert">
          <Paragraph>{papers.message}</Paragraph>
        </Alert>
      )}
      {papers.status === 'ready' &&
        (papers.data.length === 0 ? (
          <Paragraph className="standpunt-empty">{t('papers.empty')}</Paragraph>
        ) : (
          <PaperTable papers={papers.data} />
        ))}
      <NewPaperForm />
    </div>
  );
}
