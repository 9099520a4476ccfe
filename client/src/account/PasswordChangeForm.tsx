import {
  Button,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../api/useAction';
import { changePassword } from '../api/ownAccount';
import { useT } from '../i18n/useT';
import { ErrorAlert } from '../layout/ErrorAlert';
import { StatusRegion } from '../layout/StatusRegion';
import { NewPasswordFields } from './NewPasswordFields';
import { useNewPassword } from './useNewPassword';

/** "Wachtwoord wijzigen": the current one, then the new one twice. Ends one's other sessions. */
export function PasswordChangeForm({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const id = useId();
  const action = useAction();
  const [current, setCurrent] = useState('');
  const newPassword = useNewPassword();
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    action.setError(null);
    if (!newPassword.confirm()) return;
    if (await action.run(() => changePassword(current, newPassword.password))) {
      setCurrent('');
      newPassword.clear();
      setDone(t('changePassword.done'));
      onChanged();
    }
  };

  return (
    <form
      className="standpunt-form standpunt-card"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => void onSubmit(event)}
    >
      <Heading2 id={`${id}-heading`}>{t('changePassword.title')}</Heading2>
      <Paragraph>{t('changePassword.intro')}</Paragraph>
      <StatusRegion message={done} />
      <ErrorAlert message={action.error} />
      <FormField
        label={<FormLabel htmlFor={`${id}-current`}>{t('changePassword.current')}</FormLabel>}
        input={
          <Textbox
            id={`${id}-current`}
            type="password"
            required
            maxLength={1024}
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
          />
        }
      />
      <NewPasswordFields state={newPassword.fields} />
      <Button
        type="submit"
        appearance="primary-action-button"
        busy={action.busy}
        disabled={action.busy}
      >
        {t('changePassword.submit')}
      </Button>
    </form>
  );
}
