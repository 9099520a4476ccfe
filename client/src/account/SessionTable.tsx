import type { SessionSummary } from '@standpunt/shared';
import { Button, TableCell, TableRow } from '@utrecht/component-library-react';
import { formatDateTime } from '../format/formatDateTime';
import { LOCALES } from '../i18n/translate';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { DataTable } from '../layout/DataTable';

interface SessionTableProps {
  sessions: readonly SessionSummary[];
  /** The session being ended, if any. */
  ending: string | null;
  onEnd: (session: SessionSummary) => void;
}

/** One's sessions, newest first; each but this one can be ended. */
export function SessionTable({ sessions, ending, onEnd }: SessionTableProps) {
  const t = useT();
  const { language } = useLanguage();
  const when = (iso: string) => formatDateTime(iso, LOCALES[language]);
  const newestFirst = [...sessions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <DataTable
      caption={t('sessions.caption')}
      columns={[
        t('sessions.column.created'),
        t('sessions.column.expires'),
        t('sessions.column.end'),
      ]}
    >
      {newestFirst.map((session) => (
        <TableRow key={session.id}>
          <TableCell>
            <time dateTime={session.createdAt}>{when(session.createdAt)}</time>
          </TableCell>
          <TableCell>
            <time dateTime={session.expiresAt}>{when(session.expiresAt)}</time>
          </TableCell>
          <TableCell>
            {session.current ? (
              <strong>{t('sessions.current')}</strong>
            ) : (
              <Button
                appearance="secondary-action-button"
                aria-label={t('sessions.endLabel', { date: when(session.createdAt) })}
                busy={ending === session.id}
                disabled={ending !== null}
                onClick={() => onEnd(session)}
              >
                {t('sessions.end')}
              </Button>
            )}
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
