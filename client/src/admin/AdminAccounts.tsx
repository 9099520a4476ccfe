import type { PublicUser } from '@standpunt/shared';
import { Heading2 } from '@utrecht/component-library-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useApiData } from '../api/useApiData';
import { fetchUserPage, userListPath, type UserPage } from '../api/users';
import { useT } from '../i18n/useT';
import { ErrorAlert } from '../layout/ErrorAlert';
import { StatusRegion } from '../layout/StatusRegion';
import { AccountCount } from './AccountCount';
import { AccountFilters } from './AccountFilters';
import { AccountImport } from './AccountImport';
import { AccountResults } from './AccountResults';
import { userListQuery, type AccountView } from './accountView';
import { NewUserForm } from './NewUserForm';
import { useAccountView } from './useAccountView';

const replaceUser = (user: PublicUser) => (page: UserPage) => ({
  ...page,
  users: page.users.map((each) => (each.id === user.id ? user : each)),
});

/**
 * The accounts, a page at a time (there may be thousands), searched and filtered, with the
 * forms that add to them one by one or from a file.
 */
export function AdminAccounts() {
  const t = useT();
  const headingId = useId();
  const [view, setView] = useAccountView();
  const load = useCallback(
    (signal: AbortSignal) => fetchUserPage(userListQuery(view), signal),
    [view],
  );
  const [page, reload, update] = useApiData(load, userListPath(userListQuery(view)));
  const [message, setMessage] = useState<string | null>(null);
  const countRef = useRef<HTMLParagraphElement>(null);
  const [focusCount, setFocusCount] = useState(false);

  useEffect(() => {
    if (focusCount && page.status !== 'loading') {
      countRef.current?.focus();
      setFocusCount(false);
    }
  }, [focusCount, page.status]);

  const show = (next: AccountView) => {
    setMessage(null);
    setView(next);
  };

  return (
    <>
      <section aria-labelledby={headingId} className="standpunt-accounts">
        <Heading2 id={headingId}>{t('admin.users.title')}</Heading2>
        <AccountFilters
          // A new filter from elsewhere (the address, "Filters wissen") resets the fields.
          key={userListPath(userListQuery({ ...view, offset: 0 }))}
          filter={view.filter}
          onApply={(filter) => show({ filter, offset: 0 })}
        />
        <StatusRegion message={message} />
        <AccountCount ref={countRef} page={page} offset={view.offset} />
        <ErrorAlert message={page.status === 'error' ? page.message : null} />
        {page.status === 'ready' && (
          <AccountResults
            page={page.data}
            offset={view.offset}
            onUpdated={(user, text) => {
              update(replaceUser(user));
              setMessage(text);
            }}
            onMessage={setMessage}
            onTurn={(offset) => {
              show({ ...view, offset });
              setFocusCount(true);
            }}
          />
        )}
      </section>
      <NewUserForm onCreated={reload} />
      <AccountImport onImported={reload} />
    </>
  );
}
