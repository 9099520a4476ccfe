import {
  Alert,
  Button,
  FormField,
  FormLabel,
  Heading1,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { LoginRedirectState } from '../auth/RequireAuth';
import { useAuth } from '../auth/useAuth';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { useT } from '../i18n/useT';
import { LoadingMessage } from '../layout/LoadingMessage';
import { useDocumentTitle } from '../layout/useDocumentTitle';

/** Only same-app paths: never send someone on to another site after login. */
function safeTarget(from: unknown): string {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function LoginPage() {
  const t = useT();
  useDocumentTitle(t('login.title'));
  const { state, login } = useAuth();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const location = useLocation();
  const target = safeTarget((location.state as LoginRedirectState | null)?.from);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (state.status === 'loading') return <LoadingMessage />;
  if (state.status === 'signedIn' && !busy) return <Navigate to={target} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ email: email.trim(), password });
      navigate(target, { replace: true });
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <div className="standpunt-content standpunt-content--narrow">
      <Heading1>{t('login.title')}</Heading1>
      <Paragraph>{t('login.intro')}</Paragraph>
      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <form className="standpunt-form" onSubmit={(event) => void onSubmit(event)}>
        <FormField
          label={<FormLabel htmlFor="login-email">{t('login.email')}</FormLabel>}
          input={
            <Textbox
              id="login-email"
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          }
        />
        <FormField
          label={<FormLabel htmlFor="login-password">{t('login.password')}</FormLabel>}
          input={
            <Textbox
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          }
        />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('login.submit')}
        </Button>
      </form>
    </div>
  );
}
