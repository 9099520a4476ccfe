import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useT } from '../i18n/useT';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { AdminAccounts } from './AdminAccounts';

export function AdminPage() {
  const t = useT();
  useDocumentTitle(t('admin.title'));
  const me = useCurrentUser();
  return (
    <div className="standpunt-content standpunt-content--wide">
      <Heading1>{t('admin.title')}</Heading1>
      {me.admin ? (
        <AdminAccounts />
      ) : (
        <Alert type="warning" role="alert">
          <Paragraph>{t('admin.forbidden')}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
