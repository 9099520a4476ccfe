import type { PaperMember, PaperRole, PaperSummary } from '@standpunt/shared';
import { useState } from 'react';
import { removeMember, setMemberRole } from '../api/members';
import { useApiErrorHandler } from '../auth/useApiErrorHandler';
import { useT } from '../i18n/useT';
import { ErrorAlert } from '../layout/ErrorAlert';
import { LoadingMessage } from '../layout/LoadingMessage';
import { AddMemberForm } from './AddMemberForm';
import { MemberTable } from './MemberTable';
import { ROLE_LABELS } from './roleLabels';
import { useMembers } from './useMembers';

interface MembersContentProps {
  paper: PaperSummary;
  manages: boolean;
  onChanged: (message: string) => void;
}

/** The member table and, for editors and admins, the form that adds to it. */
export function MembersContent({ paper, manages, onChanged }: MembersContentProps) {
  const t = useT();
  const handleError = useApiErrorHandler();
  // Read again with every change to the paper: a refresh may mean a membership changed.
  const [state, replace] = useMembers(paper.id, paper);
  const [busyUserId, setBusyUserId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const change = async (
    userId: string,
    request: () => Promise<PaperMember[]>,
    message: string,
  ): Promise<boolean> => {
    setBusyUserId(userId);
    setError(null);
    try {
      const members = await request();
      replace(members);
      onChanged(message);
      return true;
    } catch (failure) {
      setError(handleError(failure));
      return false;
    } finally {
      setBusyUserId(null);
    }
  };

  const roleName = (role: PaperRole) => t(ROLE_LABELS[role]).toLocaleLowerCase();
  const setRole = (member: { userId: string; name: string }, role: PaperRole, added: boolean) =>
    change(
      member.userId,
      () => setMemberRole(paper.id, member.userId, role),
      t(added ? 'members.added' : 'members.roleChanged', {
        name: member.name,
        role: roleName(role),
      }),
    );
  const remove = (member: PaperMember) =>
    change(
      member.userId,
      () => removeMember(paper.id, member.userId),
      t('members.removed', { name: member.name }),
    );

  if (state.status === 'loading') return <LoadingMessage text={t('members.loading')} />;
  if (state.status === 'error') return <ErrorAlert message={state.message} />;
  return (
    <>
      <ErrorAlert message={error} />
      <MemberTable
        members={state.members}
        manages={manages}
        busyUserId={busyUserId}
        onRole={(member, role) => void setRole(member, role, false)}
        onRemove={(member) => void remove(member)}
      />
      {manages && (
        <AddMemberForm
          members={state.members}
          busy={busyUserId !== null}
          onAdd={(person, role) => setRole({ userId: person.id, name: person.name }, role, true)}
        />
      )}
    </>
  );
}
