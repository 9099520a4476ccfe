import { useT } from '../i18n/useT';
import { RouterLink } from '../layout/RouterLink';
import { draftPagePath, draftsPagePath } from './draftPaths';

interface DraftBreadcrumbProps {
  paperId: string;
  paperTitle: string;
  /** On a draft's page or below it: the draft. */
  draft?: number;
  /** Below a draft's page (the comparison): the draft's page is a link too. */
  linkDraft?: boolean;
  /** The page itself, when it is below the draft's page. */
  current?: string;
}

/** Positionpaper › Versies › Versie n: the way back up from a draft or a comparison. */
export function DraftBreadcrumb({
  paperId,
  paperTitle,
  draft,
  linkDraft,
  current,
}: DraftBreadcrumbProps) {
  const t = useT();
  return (
    <nav aria-label={t('drafts.breadcrumb')} className="standpunt-breadcrumb">
      <ol>
        <li>
          <RouterLink to={`/papers/${encodeURIComponent(paperId)}`}>{paperTitle}</RouterLink>
        </li>
        <li>
          {draft === undefined ? (
            <span aria-current="page">{t('drafts.title')}</span>
          ) : (
            <RouterLink to={draftsPagePath(paperId)}>{t('drafts.title')}</RouterLink>
          )}
        </li>
        {draft !== undefined && (
          <li>
            {linkDraft ? (
              <RouterLink to={draftPagePath(paperId, draft)}>
                {t('drafts.version', { number: draft })}
              </RouterLink>
            ) : (
              <span aria-current="page">{t('drafts.version', { number: draft })}</span>
            )}
          </li>
        )}
        {current !== undefined && (
          <li>
            <span aria-current="page">{current}</span>
          </li>
        )}
      </ol>
    </nav>
  );
}
