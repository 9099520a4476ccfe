import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useCallback } from 'react';
import { auditPath, fetchAudit } from '../api/audit';
import { fetchPapers } from '../api/papers';
import { useApiData } from '../api/useApiData';
import { fetchDirectory } from '../api/users';
import { useT } from '../i18n/useT';
import { ErrorAlert } from '../layout/ErrorAlert';
import { LoadingMessage } from '../layout/LoadingMessage';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { useAuditFilter } from './useAuditFilter';

/** `/logboek`: the audit trail, for admins (everything) and editors (their papers). */
export function AuditPage() {
  const t = useT();
  useDocumentTitle(t('audit.title'));
  const [filter, setFilter] = useAuditFilter();
  const query = auditPath(filter);
  const load = useCallback((signal: AbortSignal) => fetchAudit(filter, signal), [filter]);
  const [events] = useApiData(load, query);
  const [papers] = useApiData(fetchPapers);
  const [people] = useApiData(fetchDirectory);
  const paperList = papers.status === 'ready' ? papers.data : [];
  const peopleList = people.status === 'ready' ? people.data : [];

  // Without a paper filter, 403 means this person edits no paper at all: explain, don't alarm.
  if (events.status === 'error' && events.httpStatus === 403 && !filter.paper) {
    return (
      <div className="standpunt-content">
        <Heading1>{t('audit.title')}</Heading1>
        <Alert type="info">
          <Paragraph>{t('audit.forbidden')}</Paragraph>
        </Alert>
      </div>
    );
  }

  return (
    <div className="standpunt-content standpunt-content--wide">
      <Heading1>{t('audit.title')}</Heading1>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <AuditFilters
        key={query}
        filter={filter}
        papers={paperList}
        people={peopleList}
        onApply={setFilter}
      />
      {events.status === 'loading' && <LoadingMessage text={t('audit.loading')} />}
      <ErrorAlert message={events.status === 'error' ? events.message : null} />
      {events.status === 'ready' && (
        <>
          <div className="standpunt-audit-summary">
            <Paragraph role="status">
              {events.data.length === 1
                ? t('audit.countOne')
                : t('audit.count', { count: events.data.length })}
            </Paragraph>
            <Paragraph>
              <a
                className="utrecht-link utrecht-link--html-a"
                href={auditPath(filter, 'csv')}
                download
              >
                {t('audit.csv')}
              </a>
            </Paragraph>
          </div>
          {events.data.length > 0 && (
            <AuditTable events={events.data} papers={paperList} people={peopleList} />
          )}
        </>
      )}
    </div>
  );
}
