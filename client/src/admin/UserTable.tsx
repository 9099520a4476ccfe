import { organisationName, type PublicUser } from '@standpunt/shared';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useT } from '../i18n/useT';

/** Every account: name, email, organisation and whether it is an administrator. */
export function UserTable({
  users,
  labelledBy,
}: {
  users: readonly PublicUser[];
  labelledBy: string;
}) {
  const t = useT();
  const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <div className="standpunt-table-container">
      <Table className="standpunt-table" aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('admin.users.column.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('admin.users.column.email')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('admin.users.column.organisation')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('admin.users.column.admin')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((user) => (
            <TableRow key={user.id}>
              <TableCell>{user.name}</TableCell>
              <TableCell>{user.email}</TableCell>
              <TableCell>{organisationName(user.municipality)}</TableCell>
              <TableCell>{user.admin ? t('admin.users.yes') : t('admin.users.no')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
