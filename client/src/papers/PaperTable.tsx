import type { PaperSummary } from '@standpunt/shared';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { formatDateTime } from '../format/formatDateTime';
import { LOCALES } from '../i18n/translate';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { RouterLink } from '../layout/RouterLink';
import { PhaseBadge } from './PhaseBadge';

/** The papers the user can read, most recently changed first. */
export function PaperTable({ papers }: { papers: readonly PaperSummary[] }) {
  const t = useT();
  const { language } = useLanguage();
  const sorted = [...papers].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <div className="standpunt-table-container">
      <Table className="standpunt-table">
        <TableCaption className="standpunt-visually-hidden">{t('papers.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('papers.column.title')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('papers.column.theme')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('papers.column.phase')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('papers.column.updated')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((paper) => (
            <TableRow key={paper.id}>
              <TableCell>
                <RouterLink to={`/papers/${encodeURIComponent(paper.id)}`}>
                  {paper.title}
                </RouterLink>
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
        </TableBody>
      </Table>
    </div>
  );
}
