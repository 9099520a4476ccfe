import { organisationName, type PublicUser } from '@standpunt/shared';
import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useT } from '../i18n/useT';
import { DataTable } from '../layout/DataTable';
import { AccountActions } from './AccountActions';
import { accountStatus } from './accountView';

interface AccountTableProps {
  /** One page, in the server's order (by name). */
  users: readonly PublicUser[];
  onUpdated: (user: PublicUser, message: string) => void;
  onMessage: (message: string) => void;
}

/** Name, e-mail, organisation, status and admin rights of each account, with its actions. */
export function AccountTable({ users, onUpdated, onMessage }: AccountTableProps) {
  const t = useT();
  const me = useCurrentUser();
  return (
    <DataTable
      caption={t('accounts.caption')}
      className="standpunt-account-table"
      columns={[
        t('admin.users.column.name'),
        t('admin.users.column.email'),
        t('admin.users.column.organisation'),
        t('accounts.column.status'),
        t('admin.users.column.admin'),
        t('accounts.column.actions'),
      ]}
    >
      {users.map((user) => (
        <TableRow key={user.id}>
          <TableHeaderCell scope="row" className="standpunt-account-table__name">
            {user.name}
            {user.id === me.id && <> {t('accounts.you')}</>}
          </TableHeaderCell>
          <TableCell>{user.email}</TableCell>
          <TableCell>{organisationName(user.municipality)}</TableCell>
          <TableCell>{t(`accounts.status.${accountStatus(user)}`)}</TableCell>
          <TableCell>{user.admin ? t('admin.users.yes') : t('admin.users.no')}</TableCell>
          <TableCell>
            <AccountActions
              user={user}
              isSelf={user.id === me.id}
              onUpdated={onUpdated}
              onMessage={onMessage}
            />
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
