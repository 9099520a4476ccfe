import type { SessionSummary } from '@standpunt/shared';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useId, useRef, useState } from 'react';
import type { ApiData, ApiDataUpdate } from '../api/useApiData';
import { useAction } from '../api/useAction';
import { endSession } from '../api/ownAccount';
import { formatDateTime } from '../format/formatDateTime';
import { LOCALES } from '../i18n/translate';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { ErrorAlert } from '../layout/ErrorAlert';
import { LoadingMessage } from '../layout/LoadingMessage';
import { StatusRegion } from '../layout/StatusRegion';
import { SessionTable } from './SessionTable';

interface SessionsSectionProps {
  sessions: ApiData<SessionSummary[]>;
  update: ApiDataUpdate<SessionSummary[]>;
}

/**
 * "Waar u bent ingelogd": one's sessions, to end one that should not be there. The ended row
 * goes; focus goes to the section's heading rather than to nowhere.
 */
export function SessionsSection({ sessions, update }: SessionsSectionProps) {
  const t = useT();
  const id = useId();
  const { language } = useLanguage();
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const [ending, setEnding] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const onEnd = async (session: SessionSummary) => {
    setEnding(session.id);
    setMessage(null);
    if (await action.run(() => endSession(session.id))) {
      update((list) => list.filter((each) => each.id !== session.id));
      heading.current?.focus();
      setMessage(
        t('sessions.ended', { date: formatDateTime(session.createdAt, LOCALES[language]) }),
      );
    }
    setEnding(null);
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <Heading2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('sessions.title')}
      </Heading2>
      <Paragraph>{t('sessions.intro')}</Paragraph>
      <StatusRegion message={message} />
      <ErrorAlert message={action.error} />
      {sessions.status === 'loading' && <LoadingMessage text={t('sessions.loading')} />}
      <ErrorAlert message={sessions.status === 'error' ? sessions.message : null} />
      {sessions.status === 'ready' && (
        <SessionTable
          sessions={sessions.data}
          ending={ending}
          onEnd={(session) => void onEnd(session)}
        />
      )}
    </section>
  );
}
