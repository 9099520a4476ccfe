import {
  organisationName,
  type DirectoryEntry,
  type PaperMember,
  type PaperRole,
} from '@standpunt/shared';
import {
  Button,
  FormField,
  FormLabel,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { useApiData } from '../api/useApiData';
import { fetchDirectory } from '../api/users';
import { useT } from '../i18n/useT';
import { ErrorAlert } from '../layout/ErrorAlert';
import { LoadingMessage } from '../layout/LoadingMessage';
import { RoleSelect } from './RoleSelect';

interface AddMemberFormProps {
  members: readonly PaperMember[];
  busy: boolean;
  /** Resolves to whether the person was added. */
  onAdd: (person: DirectoryEntry, role: PaperRole) => Promise<boolean>;
}

/** "Lid toevoegen": anyone with an account who is not a member yet, with a role. */
export function AddMemberForm({ members, busy, onAdd }: AddMemberFormProps) {
  const t = useT();
  const id = useId();
  const [directory] = useApiData(fetchDirectory);
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState<PaperRole>('writer');

  const memberIds = new Set(members.map((member) => member.userId));
  const candidates =
    directory.status === 'ready' ? directory.data.filter((entry) => !memberIds.has(entry.id)) : [];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const person = candidates.find((entry) => entry.id === personId);
    if (person && (await onAdd(person, role))) setPersonId('');
  };

  return (
    <form
      className="standpunt-form standpunt-card standpunt-add-member"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => void onSubmit(event)}
    >
      <Heading3 id={`${id}-heading`}>{t('members.add.title')}</Heading3>
      {directory.status === 'loading' && <LoadingMessage />}
      <ErrorAlert message={directory.status === 'error' ? directory.message : null} />
      {directory.status === 'ready' && candidates.length === 0 && (
        <Paragraph>{t('members.add.nobody')}</Paragraph>
      )}
      {candidates.length > 0 && (
        <>
          <FormField
            label={<FormLabel htmlFor={`${id}-person`}>{t('members.add.person')}</FormLabel>}
            input={
              <Select
                id={`${id}-person`}
                required
                value={personId}
                onChange={(event) => setPersonId(event.target.value)}
              >
                <SelectOption value="" disabled>
                  {t('members.add.choose')}
                </SelectOption>
                {candidates.map((entry) => (
                  <SelectOption key={entry.id} value={entry.id}>
                    {`${entry.name} — ${organisationName(entry.municipality)} (${entry.email})`}
                  </SelectOption>
                ))}
              </Select>
            }
          />
          <FormField
            label={<FormLabel htmlFor={`${id}-role`}>{t('members.add.role')}</FormLabel>}
            input={<RoleSelect id={`${id}-role`} value={role} onChange={setRole} />}
          />
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('members.add.submit')}
          </Button>
        </>
      )}
    </form>
  );
}
