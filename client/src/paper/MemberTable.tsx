import type { PaperMember, PaperRole } from '@standpunt/shared';
import {
  Table,
  TableBody,
  TableCaption,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useT } from '../i18n/useT';
import { MemberRow } from './MemberRow';
import { sortMembers } from './roleLabels';

interface MemberTableProps {
  members: readonly PaperMember[];
  /** Editors and admins get a role select and a remove button per member. */
  manages: boolean;
  /** The member whose change is being saved. */
  busyUserId: string | null;
  onRole: (member: PaperMember, role: PaperRole) => void;
  onRemove: (member: PaperMember) => void;
}

/** Name, organisation and role of every member, editors first. */
export function MemberTable({ members, manages, busyUserId, onRole, onRemove }: MemberTableProps) {
  const t = useT();
  return (
    <div className="standpunt-table-container">
      <Table className="standpunt-table standpunt-member-table">
        <TableCaption className="standpunt-visually-hidden">{t('members.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('members.column.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('members.column.organisation')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('members.column.role')}</TableHeaderCell>
            {manages && (
              <TableHeaderCell scope="col">
                <span className="standpunt-visually-hidden">{t('members.column.actions')}</span>
              </TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {sortMembers(members).map((member) => (
            <MemberRow
              key={member.userId}
              member={member}
              manages={manages}
              busy={busyUserId !== null}
              onRole={(role) => onRole(member, role)}
              onRemove={() => onRemove(member)}
            />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
