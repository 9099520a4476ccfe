import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useApiData } from '../api/useApiData';
import { fetchUsers } from '../api/users';
import { useT } from '../i18n/useT';
import { LoadingMessage } from '../layout/LoadingMessage';
import { NewUserForm } from './NewUserForm';
import { UserTable } from './UserTable';

/** The account table and the form that adds to it. */
export function AdminAccounts() {
  const t = useT();
  const headingId = useId();
  const [users, reload] = useApiData(fetchUsers);
  return (
    <>
      <section aria-labelledby={headingId}>
        <Heading2 id={headingId}>{t('admin.users.title')}</Heading2>
        {users.status === 'loading' && <LoadingMessage text={t('admin.users.loading')} />}
        {users.status === 'error' && (
          <Alert type="error" role="alert">
            <Paragraph>{users.message}</Paragraph>
          </Alert>
        )}
        {users.status === 'ready' &&
          (users.data.length === 0 ? (
            <Paragraph>{t('admin.users.empty')}</Paragraph>
          ) : (
            <UserTable users={users.data} labelledBy={headingId} />
          ))}
      </section>
      <NewUserForm onCreated={reload} />
    </>
  );
}
