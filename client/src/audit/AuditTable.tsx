import {
  organisationName,
  type AuditEvent,
  type DirectoryEntry,
  type PaperSummary,
} from '@standpunt/shared';
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
import { describeAuditEvent } from './describeAuditEvent';

interface AuditTableProps {
  events: readonly AuditEvent[];
  papers: readonly PaperSummary[];
  people: readonly DirectoryEntry[];
}

/** Wanneer, Wie, Organisatie, Wat, Positionpaper — newest first. */
export function AuditTable({ events, papers, people }: AuditTableProps) {
  const t = useT();
  const { language } = useLanguage();
  const locale = LOCALES[language];
  const names = new Map(people.map((person) => [person.id, person.name]));
  const titles = new Map(papers.map((paper) => [paper.id, paper.title]));
  const context = { t, locale, personName: (userId: string) => names.get(userId) };
  const newestFirst = [...events].sort((a, b) => b.seq - a.seq);

  return (
    <div className="standpunt-table-container">
      <Table className="standpunt-table standpunt-audit-table">
        <TableCaption className="standpunt-visually-hidden">{t('audit.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('audit.column.when')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.column.who')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.column.organisation')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.column.what')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.column.paper')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {newestFirst.map((event) => (
            <TableRow key={event.seq}>
              <TableCell>
                <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
              </TableCell>
              <TableCell>{event.actor?.name ?? t('audit.noActor')}</TableCell>
              <TableCell>{event.actor ? organisationName(event.actor.municipality) : ''}</TableCell>
              <TableCell>{describeAuditEvent(event, context)}</TableCell>
              <TableCell>
                {event.paperId && (
                  <RouterLink to={`/papers/${encodeURIComponent(event.paperId)}`}>
                    {titles.get(event.paperId) ?? t('audit.unknownPaper')}
                  </RouterLink>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
