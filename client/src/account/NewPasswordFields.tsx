import { MIN_PASSWORD_LENGTH } from '@standpunt/shared';
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Textbox,
} from '@utrecht/component-library-react';
import { useId } from 'react';
import { useT } from '../i18n/useT';
import type { NewPasswordFieldsState } from './useNewPassword';

/**
 * "Nieuw wachtwoord" with the length rule as a hint, and "Herhaal het nieuwe wachtwoord".
 * The server checks the rest of the policy and says why it refuses a password.
 */
export function NewPasswordFields({ state }: { state: NewPasswordFieldsState }) {
  const t = useT();
  const id = useId();
  return (
    <>
      <FormField
        label={<FormLabel htmlFor={`${id}-new`}>{t('password.new')}</FormLabel>}
        description={
          <FormFieldDescription id={`${id}-hint`}>
            {t('password.hint', { min: MIN_PASSWORD_LENGTH })}
          </FormFieldDescription>
        }
        input={
          <Textbox
            id={`${id}-new`}
            type="password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            maxLength={1024}
            autoComplete="new-password"
            aria-describedby={`${id}-hint`}
            value={state.password}
            onChange={(event) => state.onPassword(event.target.value)}
          />
        }
      />
      <FormField
        invalid={state.mismatch}
        label={<FormLabel htmlFor={`${id}-repeat`}>{t('password.repeat')}</FormLabel>}
        errorMessage={
          state.mismatch && (
            <FormFieldErrorMessage id={`${id}-mismatch`}>
              {t('password.mismatch')}
            </FormFieldErrorMessage>
          )
        }
        input={
          <Textbox
            id={`${id}-repeat`}
            ref={state.repeatRef}
            type="password"
            required
            maxLength={1024}
            autoComplete="new-password"
            invalid={state.mismatch}
            aria-describedby={state.mismatch ? `${id}-mismatch` : undefined}
            value={state.repeat}
            onChange={(event) => state.onRepeat(event.target.value)}
          />
        }
      />
    </>
  );
}
