import type { DraftSummary } from '@standpunt/shared';
import { TableCell, TableRow } from '@utrecht/component-library-react';
import { formatDateTime } from '../format/formatDateTime';
import { LOCALES } from '../i18n/translate';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { DataTable } from '../layout/DataTable';
import { RouterLink } from '../layout/RouterLink';
import { PhaseBadge } from '../papers/PhaseBadge';
import { draftPagePath } from './draftPaths';
import { frozenByText, shortHash } from './frozenByText';

/** The paper's drafts, oldest first, each linking to its own page. */
export function DraftTable({ drafts }: { drafts: readonly DraftSummary[] }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <DataTable
      caption={t('drafts.caption')}
      columns={[
        t('drafts.column.number'),
        t('drafts.column.label'),
        t('drafts.column.phase'),
        t('drafts.column.frozenBy'),
        t('drafts.column.frozenAt'),
        t('drafts.column.hash'),
      ]}
      className="standpunt-draft-table"
    >
      {drafts.map((draft) => (
        <TableRow key={draft.number}>
          <TableCell>
            <RouterLink to={draftPagePath(draft.paperId, draft.number)}>
              {t('drafts.version', { number: draft.number })}
            </RouterLink>
          </TableCell>
          <TableCell>{draft.label}</TableCell>
          <TableCell>
            <PhaseBadge phase={draft.phase} />
          </TableCell>
          <TableCell>{frozenByText(draft.frozenBy, t)}</TableCell>
          <TableCell>
            <time dateTime={draft.frozenAt}>
              {formatDateTime(draft.frozenAt, LOCALES[language])}
            </time>
          </TableCell>
          <TableCell>
            <code className="standpunt-hash">{shortHash(draft.sha256)}…</code>
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
