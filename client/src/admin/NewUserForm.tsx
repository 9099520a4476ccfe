import { MIN_PASSWORD_LENGTH } from '@standpunt/shared';
import {
  Button,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading2,
  Textbox,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { createUser } from '../api/users';
import { useApiErrorHandler } from '../auth/useApiErrorHandler';
import { useT } from '../i18n/useT';
import { ErrorAlert } from '../layout/ErrorAlert';
import { StatusRegion } from '../layout/StatusRegion';
import { OrganisationSelect } from './OrganisationSelect';

const EMPTY = { name: '', email: '', municipality: '', password: '', admin: false };

/**
 * "Nieuw account": creates an account and reports it in a status message. Without a password
 * — the usual way — the server mails an invitation, and the person chooses their own.
 */
export function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const t = useT();
  const id = useId();
  const handleError = useApiErrorHandler();
  const [fields, setFields] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const set = <K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) =>
    setFields((previous) => ({ ...previous, [key]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const invite = fields.password === '';
      const user = await createUser({
        name: fields.name.trim(),
        email: fields.email.trim(),
        municipality: fields.municipality,
        ...(invite ? {} : { password: fields.password }),
        admin: fields.admin,
      });
      setCreated(
        invite
          ? t('admin.new.createdInvited', { name: user.name, email: user.email })
          : t('admin.new.created', { name: user.name }),
      );
      setFields(EMPTY);
      onCreated();
    } catch (failure) {
      setError(handleError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="standpunt-form standpunt-card"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => void onSubmit(event)}
    >
      <Heading2 id={`${id}-heading`}>{t('admin.new.title')}</Heading2>
      <StatusRegion message={created} />
      <ErrorAlert message={error} />
      <FormField
        label={<FormLabel htmlFor={`${id}-name`}>{t('admin.new.name')}</FormLabel>}
        input={
          <Textbox
            id={`${id}-name`}
            required
            maxLength={200}
            autoComplete="off"
            value={fields.name}
            onChange={(event) => set('name', event.target.value)}
          />
        }
      />
      <FormField
        label={<FormLabel htmlFor={`${id}-email`}>{t('admin.new.email')}</FormLabel>}
        input={
          <Textbox
            id={`${id}-email`}
            type="email"
            required
            autoComplete="off"
            value={fields.email}
            onChange={(event) => set('email', event.target.value)}
          />
        }
      />
      <FormField
        label={<FormLabel htmlFor={`${id}-org`}>{t('admin.new.organisation')}</FormLabel>}
        input={
          <OrganisationSelect
            id={`${id}-org`}
            value={fields.municipality}
            onChange={(code) => set('municipality', code)}
          />
        }
      />
      <FormField
        label={<FormLabel htmlFor={`${id}-password`}>{t('admin.new.passwordOptional')}</FormLabel>}
        description={
          <FormFieldDescription id={`${id}-password-hint`}>
            {t('admin.new.inviteHint', { min: MIN_PASSWORD_LENGTH })}
          </FormFieldDescription>
        }
        input={
          <Textbox
            id={`${id}-password`}
            type="password"
            minLength={MIN_PASSWORD_LENGTH}
            autoComplete="new-password"
            aria-describedby={`${id}-password-hint`}
            value={fields.password}
            onChange={(event) => set('password', event.target.value)}
          />
        }
      />
      <FormField
        type="checkbox"
        label={
          <FormLabel htmlFor={`${id}-admin`} type="checkbox" checked={fields.admin}>
            {t('admin.new.admin')}
          </FormLabel>
        }
        input={
          <Checkbox
            id={`${id}-admin`}
            checked={fields.admin}
            onChange={(event) => set('admin', event.target.checked)}
          />
        }
      />
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {t('admin.new.submit')}
      </Button>
    </form>
  );
}
