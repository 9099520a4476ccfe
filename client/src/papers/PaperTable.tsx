import type { PaperSummary } from '@standpunt/shared';
import { TableCell, TableRow } from '@utrecht/component-library-react';
import { formatDateTime } from '../format/formatDateTime';
import { LOCALES } from '../i18n/translate';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { DataTable } from '../layout/DataTable';
import { RouterLink } from '../layout/RouterLink';
import { PhaseBadge } from './PhaseBadge';

/** The papers the user can read, most recently changed first. */
export function PaperTable({ papers }: { papers: readonly PaperSummary[] }) {
  const t = useT();
  const { language } = useLanguage();
  const sorted = [...papers].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <DataTable
      caption={t('papers.caption')}
      columns={[
        t('papers.column.title'),
        t('papers.column.theme'),
        t('papers.column.phase'),
        t('papers.column.updated'),
      ]}
    >
      {sorted.map((paper) => (
        <TableRow key={paper.id}>
          <TableCell>
            <RouterLink to={`/papers/${encodeURIComponent(paper.id)}`}>{paper.title}</RouterLink>
          </TableCell>
          <TableCell>{paper.theme}</TableCell>
          <TableCell>
            <PhaseBadge phase={paper.phase} />
          </TableCell>
          <TableCell>
            <time dateTime={paper.updatedAt}>
              {formatDateTime(paper.updatedAt, LOCALES[language])}
            </time>
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
