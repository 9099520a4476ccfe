import { organisationName, type PaperMember, type PaperRole } from '@standpunt/shared';
import { Button, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useT } from '../i18n/useT';
import { RoleSelect } from './RoleSelect';
import { ROLE_LABELS } from './roleLabels';

interface MemberRowProps {
  member: PaperMember;
  manages: boolean;
  busy: boolean;
  onRole: (role: PaperRole) => void;
  onRemove: () => void;
}

/** One member; for editors and admins with "Rol van …" and "… verwijderen". */
export function MemberRow({ member, manages, busy, onRole, onRemove }: MemberRowProps) {
  const t = useT();
  const id = useId();
  const me = useCurrentUser();
  return (
    <TableRow>
      <TableHeaderCell scope="row" className="standpunt-member-table__name">
        {member.name}
        {member.userId === me.id && <> {t('members.you')}</>}
      </TableHeaderCell>
      <TableCell>{organisationName(member.municipality)}</TableCell>
      <TableCell>
        {manages ? (
          <>
            <label htmlFor={`${id}-role`} className="standpunt-visually-hidden">
              {t('members.roleOf', { name: member.name })}
            </label>
            <RoleSelect id={`${id}-role`} value={member.role} disabled={busy} onChange={onRole} />
          </>
        ) : (
          t(ROLE_LABELS[member.role])
        )}
      </TableCell>
      {manages && (
        <TableCell>
          <Button
            appearance="subtle-button"
            aria-label={t('members.removeLabel', { name: member.name })}
            disabled={busy}
            onClick={onRemove}
          >
            {t('members.remove')}
          </Button>
        </TableCell>
      )}
    </TableRow>
  );
}
