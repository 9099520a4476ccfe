import type { DraftSummary } from '@standpunt/shared';
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
import { PhaseBadge } from '../papers/PhaseBadge';
import { draftPagePath } from './draftPaths';
import { frozenByText, shortHash } from './frozenByText';

/** The paper's drafts, oldest first, each linking to its own page. */
export function DraftTable({ drafts }: { drafts: readonly DraftSummary[] }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <div className="standpunt-table-container">
      <Table className="standpunt-table standpunt-draft-table">
        <TableCaption className="standpunt-visually-hidden">{t('drafts.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('drafts.column.number')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('drafts.column.label')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('drafts.column.phase')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('drafts.column.frozenBy')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('drafts.column.frozenAt')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('drafts.column.hash')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
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
        </TableBody>
      </Table>
    </div>
  );
}
