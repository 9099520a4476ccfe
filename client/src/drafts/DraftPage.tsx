import type { DraftSummary } from '@standpunt/shared';
import { Alert, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useId } from 'react';
import { useParams } from 'react-router';
import { fetchDraft, fetchDrafts } from '../api/drafts';
import { useApiData } from '../api/useApiData';
import { useT } from '../i18n/useT';
import { LoadingMessage } from '../layout/LoadingMessage';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { CompareForm } from './CompareForm';
import { DraftBreadcrumb } from './DraftBreadcrumb';
import { DraftDocument } from './DraftDocument';
import { DraftDownloads } from './DraftDownloads';
import { DraftMeta } from './DraftMeta';
import { DraftUnavailable } from './DraftUnavailable';
import { parseDraftNumber } from './draftPaths';
import './drafts.css';

const NO_DRAFTS: readonly DraftSummary[] = [];

/** `/papers/:id/versies/:n`: one frozen draft, numbered, with its exports and comparisons. */
export function DraftPage() {
  const t = useT();
  const headingId = useId();
  const { id = '', n } = useParams();
  const number = parseDraftNumber(n);
  const loadDraft = useCallback(
    (signal: AbortSignal) =>
      number === null ? Promise.reject(new Error('no such draft')) : fetchDraft(id, number, signal),
    [id, number],
  );
  const loadList = useCallback((signal: AbortSignal) => fetchDrafts(id, signal), [id]);
  const [draft] = useApiData(loadDraft, `${id}/${n}`);
  const [list] = useApiData(loadList, id);
  const title =
    draft.status === 'ready'
      ? t('draft.title', { number: draft.data.number, label: draft.data.label })
      : undefined;
  useDocumentTitle(
    draft.status === 'ready' ? `${title ?? ''} — ${draft.data.title}` : t('draft.loading'),
  );

  if (number === null) return <DraftUnavailable paperId={id} title={t('draft.notFound')} />;
  if (draft.status === 'loading') return <LoadingMessage text={t('draft.loading')} />;
  if (draft.status === 'error') {
    if (draft.httpStatus === 404) {
      return <DraftUnavailable paperId={id} title={t('draft.notFound')} />;
    }
    return (
      <Alert type="error" role="alert">
        <Heading1>{t('draft.notFound')}</Heading1>
        <Paragraph>{draft.message}</Paragraph>
      </Alert>
    );
  }

  const data = draft.data;
  return (
    <article className="standpunt-draft">
      <DraftBreadcrumb paperId={id} paperTitle={data.title} draft={data.number} />
      <header className="standpunt-draft__header">
        <Heading1>{title}</Heading1>
        <DraftMeta draft={data} />
      </header>
      <div className="standpunt-draft__tools">
        <DraftDownloads paperId={id} number={data.number} />
        <CompareForm
          paperId={id}
          number={data.number}
          drafts={list.status === 'ready' ? list.data : NO_DRAFTS}
        />
      </div>
      <section aria-labelledby={headingId} className="standpunt-draft__text">
        <Heading2 id={headingId}>{t('draft.text', { number: data.number })}</Heading2>
        <DraftDocument draft={data} />
      </section>
    </article>
  );
}
