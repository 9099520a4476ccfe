import { Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/ApiError';
import {
  checkAccountLink,
  setPasswordThroughLink,
  type AccountLinkPurpose,
} from '../api/accountLinks';
import { useApiData } from '../api/useApiData';
import { useAuth } from '../auth/useAuth';
import type { MessageKey } from '../i18n/nl';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { useT } from '../i18n/useT';
import { ErrorAlert } from '../layout/ErrorAlert';
import { LoadingMessage } from '../layout/LoadingMessage';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { LinkGone } from './LinkGone';
import { NewPasswordFields } from './NewPasswordFields';
import { useNewPassword } from './useNewPassword';

interface LinkPageText {
  title: MessageKey;
  checking: MessageKey;
  greeting: MessageKey;
  intro: MessageKey;
  submit: MessageKey;
}

const TEXT: Record<AccountLinkPurpose, LinkPageText> = {
  invitation: {
    title: 'welcome.title',
    checking: 'welcome.checking',
    greeting: 'welcome.greeting',
    intro: 'welcome.intro',
    submit: 'welcome.submit',
  },
  reset: {
    title: 'reset.title',
    checking: 'reset.checking',
    greeting: 'reset.greeting',
    intro: 'reset.intro',
    submit: 'reset.submit',
  },
};

const isGone = (error: unknown) => error instanceof ApiError && error.status === 410;

/**
 * `/welkom/:token` and `/wachtwoord-herstellen/:token`, opened from a mail without being signed
 * in: checks the link first, then lets its holder choose a password, which signs them in.
 */
export function PasswordLinkPage({ purpose }: { purpose: AccountLinkPurpose }) {
  const t = useT();
  const text = TEXT[purpose];
  useDocumentTitle(t(text.title));
  const { token = '' } = useParams();
  const { signedIn } = useAuth();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const load = useCallback(
    (signal: AbortSignal) => checkAccountLink(purpose, token, signal),
    [purpose, token],
  );
  const [holder] = useApiData(load, `${purpose}/${token}`);
  const newPassword = useNewPassword();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Used up meanwhile (in another tab, or by a newer mail) after the page checked it.
  const [gone, setGone] = useState(false);

  if (gone || (holder.status === 'error' && holder.httpStatus === 410)) {
    return <LinkGone purpose={purpose} />;
  }
  if (holder.status === 'loading') return <LoadingMessage text={t(text.checking)} />;
  if (holder.status === 'error') {
    return (
      <div className="standpunt-content standpunt-content--narrow">
        <Heading1>{t(text.title)}</Heading1>
        <ErrorAlert message={holder.message} />
      </div>
    );
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (!newPassword.confirm()) return;
    setBusy(true);
    try {
      const user = await setPasswordThroughLink(purpose, token, newPassword.password);
      signedIn(user);
      navigate('/', { replace: true });
    } catch (failure) {
      if (isGone(failure)) setGone(true);
      else setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <div className="standpunt-content standpunt-content--narrow">
      <Heading1>{t(text.greeting, { name: holder.data.name })}</Heading1>
      <Paragraph>{t(text.intro, { email: holder.data.email })}</Paragraph>
      <ErrorAlert message={error} />
      <form className="standpunt-form" onSubmit={(event) => void onSubmit(event)}>
        {/* For password managers: whose password this is. */}
        <input
          type="email"
          name="username"
          autoComplete="username"
          value={holder.data.email}
          readOnly
          hidden
        />
        <NewPasswordFields state={newPassword.fields} />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t(text.submit)}
        </Button>
      </form>
    </div>
  );
}

/** `/welkom/:token`: the invitation's link. */
export function WelcomePage() {
  return <PasswordLinkPage purpose="invitation" />;
}

/** `/wachtwoord-herstellen/:token`: the password reset's link. */
export function ResetPasswordPage() {
  return <PasswordLinkPage purpose="reset" />;
}
