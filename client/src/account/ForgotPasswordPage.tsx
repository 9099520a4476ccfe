import { RESET_TTL_MS } from '@standpunt/shared';
import {
  Button,
  FormField,
  FormLabel,
  Heading1,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { requestPasswordReset } from '../api/accountLinks';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { useT } from '../i18n/useT';
import { ErrorAlert } from '../layout/ErrorAlert';
import { RouterLink } from '../layout/RouterLink';
import { StatusRegion } from '../layout/StatusRegion';
import { useDocumentTitle } from '../layout/useDocumentTitle';

/** What the login page passes on: the address typed there, so that it need not be typed again. */
export interface ForgotPasswordState {
  email?: string;
}

/**
 * `/wachtwoord-vergeten`: asks for a reset mail. The answer is the same whether or not the
 * address has an account, so that nobody learns from it who has one.
 */
export function ForgotPasswordPage() {
  const t = useT();
  useDocumentTitle(t('forgot.title'));
  const errorMessage = useErrorMessage();
  const passed = (useLocation().state as ForgotPasswordState | null)?.email;
  const [email, setEmail] = useState(typeof passed === 'string' ? passed : '');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setSent(null);
    setError(null);
    try {
      await requestPasswordReset(email.trim());
      setSent(t('forgot.sent', { minutes: Math.round(RESET_TTL_MS / 60_000) }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="standpunt-content standpunt-content--narrow">
      <Heading1>{t('forgot.title')}</Heading1>
      <Paragraph>{t('forgot.intro')}</Paragraph>
      <Paragraph>{t('forgot.sso')}</Paragraph>
      <StatusRegion message={sent} />
      <ErrorAlert message={error} />
      <form className="standpunt-form" onSubmit={(event) => void onSubmit(event)}>
        <FormField
          label={<FormLabel htmlFor="forgot-email">{t('forgot.email')}</FormLabel>}
          input={
            <Textbox
              id="forgot-email"
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          }
        />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('forgot.submit')}
        </Button>
      </form>
      <Paragraph>
        <RouterLink to="/login">{t('forgot.backToLogin')}</RouterLink>
      </Paragraph>
    </div>
  );
}
