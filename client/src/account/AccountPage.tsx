import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { fetchSessions } from '../api/ownAccount';
import { useApiData } from '../api/useApiData';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useT } from '../i18n/useT';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { AccountDetails } from './AccountDetails';
import { PasswordChangeForm } from './PasswordChangeForm';
import { SessionsSection } from './SessionsSection';

/** `/account`: who one is in Standpunt, where one is signed in, and one's own password. */
export function AccountPage() {
  const t = useT();
  useDocumentTitle(t('account.title'));
  const me = useCurrentUser();
  const detailsId = useId();
  const [sessions, reloadSessions, updateSessions] = useApiData(fetchSessions);

  return (
    <div className="standpunt-content">
      <Heading1>{t('account.title')}</Heading1>
      <section aria-labelledby={detailsId}>
        <Heading2 id={detailsId}>{t('account.details')}</Heading2>
        <AccountDetails user={me} labelledBy={detailsId} />
        <Paragraph>{t('account.detailsHint')}</Paragraph>
      </section>
      <SessionsSection sessions={sessions} update={updateSessions} />
      {me.signIn === 'password' ? (
        // Changing the password ends the other sessions: the list is fetched again.
        <PasswordChangeForm onChanged={reloadSessions} />
      ) : (
        <Paragraph>{t('account.noPassword')}</Paragraph>
      )}
    </div>
  );
}
