import {
  organisationName,
  type AuditEvent,
  type DirectoryEntry,
  type PaperSummary,
} from '@standpunt/shared';
import { TableCell, TableRow } from '@utrecht/component-library-react';
import { formatDateTime } from '../format/formatDateTime';
import { LOCALES } from '../i18n/translate';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { DataTable } from '../layout/DataTable';
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
    <DataTable
      caption={t('audit.caption')}
      columns={[
        t('audit.column.when'),
        t('audit.column.who'),
        t('audit.column.organisation'),
        t('audit.column.what'),
        t('audit.column.paper'),
      ]}
      className="standpunt-audit-table"
    >
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
    </DataTable>
  );
}
