import type { DraftComparison } from '@standpunt/shared';
import {
  Alert,
  Checkbox,
  FormField,
  FormLabel,
  Heading1,
  Paragraph,
} from '@utrecht/component-library-react';
import { useCallback, useId, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { fetchComparison, fetchDrafts } from '../api/drafts';
import { useApiData } from '../api/useApiData';
import { useT, type TranslateFn } from '../i18n/useT';
import { LoadingMessage } from '../layout/LoadingMessage';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { ComparedBlock } from './ComparedBlock';
import { DraftBreadcrumb } from './DraftBreadcrumb';
import { DraftUnavailable } from './DraftUnavailable';
import { compareBlockViews, compareCounts, hasNoChanges } from './compareView';
import { parseDraftNumber, parseVersionRef } from './draftPaths';
import './drafts.css';

function comparisonTitle(from: number, to: DraftComparison['to'], t: TranslateFn): string {
  return to === 'live' ? t('compare.titleLive', { from }) : t('compare.titleDrafts', { from, to });
}

/**
 * `/papers/:id/versies/:n/vergelijk/:m`: draft n against draft m or the live text, block by
 * block in the newer order, with word-level insertions and deletions.
 */
export function ComparePage() {
  const t = useT();
  const id = useId();
  const { id: paperId = '', n, m } = useParams();
  const from = parseDraftNumber(n);
  const to = parseVersionRef(m);
  const [changedOnly, setChangedOnly] = useState(false);
  const loadComparison = useCallback(
    (signal: AbortSignal) =>
      from === null || to === null
        ? Promise.reject(new Error('no such comparison'))
        : fetchComparison(paperId, from, to, signal),
    [paperId, from, to],
  );
  const loadList = useCallback((signal: AbortSignal) => fetchDrafts(paperId, signal), [paperId]);
  const [comparison] = useApiData(loadComparison, `${paperId}/${n}/${m}`);
  const [list] = useApiData(loadList, paperId);
  const title = from !== null && to !== null ? comparisonTitle(from, to, t) : t('compare.notFound');
  useDocumentTitle(title);

  const views = useMemo(
    () => (comparison.status === 'ready' ? compareBlockViews(comparison.data, t, changedOnly) : []),
    [comparison, t, changedOnly],
  );

  if (from === null || to === null) {
    return <DraftUnavailable paperId={paperId} title={t('compare.notFound')} />;
  }
  if (comparison.status === 'loading') return <LoadingMessage text={t('compare.loading')} />;
  if (comparison.status === 'error') {
    if (comparison.httpStatus === 404) {
      return <DraftUnavailable paperId={paperId} title={t('compare.notFound')} />;
    }
    return (
      <Alert type="error" role="alert">
        <Heading1>{t('compare.notFound')}</Heading1>
        <Paragraph>{comparison.message}</Paragraph>
      </Alert>
    );
  }

  const { counts } = comparison.data;
  const paperTitle = list.status === 'ready' ? list.data[0]?.title : undefined;
  return (
    <article className="standpunt-compare">
      {paperTitle !== undefined && (
        <DraftBreadcrumb
          paperId={paperId}
          paperTitle={paperTitle}
          draft={from}
          linkDraft
          current={title}
        />
      )}
      <Heading1>{title}</Heading1>
      <ul className="standpunt-compare__counts" aria-label={t('compare.summary')}>
        {compareCounts(counts, t).map(({ change, text }) => (
          <li key={change} data-change={change}>
            {text}
          </li>
        ))}
      </ul>
      {hasNoChanges(counts) ? (
        <Paragraph>{t('compare.noChanges')}</Paragraph>
      ) : (
        <Paragraph>{t('compare.legend')}</Paragraph>
      )}
      <FormField
        type="checkbox"
        label={
          <FormLabel htmlFor={`${id}-changed`} type="checkbox" checked={changedOnly}>
            {t('compare.changedOnly')}
          </FormLabel>
        }
        input={
          <Checkbox
            id={`${id}-changed`}
            checked={changedOnly}
            onChange={(event) => setChangedOnly(event.target.checked)}
          />
        }
      />
      <ol className="standpunt-compare__blocks" aria-label={t('compare.blocks')}>
        {views.map((view) => (
          <ComparedBlock key={view.key} view={view} />
        ))}
      </ol>
    </article>
  );
}
