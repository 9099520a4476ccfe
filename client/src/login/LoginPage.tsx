import { emailDomain, ssoProviderForEmail } from '@standpunt/shared';
import {
  Alert,
  Button,
  ButtonLink,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { FORGOT_PASSWORD_PATH } from '../account/accountPaths';
import type { ForgotPasswordState } from '../account/ForgotPasswordPage';
import type { LoginRedirectState } from '../auth/RequireAuth';
import { useAuth } from '../auth/useAuth';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { useT } from '../i18n/useT';
import { LoadingMessage } from '../layout/LoadingMessage';
import { RouterLink } from '../layout/RouterLink';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { SsoFailureAlert } from './SsoFailureAlert';
import { SsoProviderList } from './SsoProviderList';
import { ssoStartHref } from './ssoStartHref';
import { useSsoProviders } from './useSsoProviders';
import './login.css';

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
  const providers = useSsoProviders();

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (state.status === 'loading') return <LoadingMessage />;
  if (state.status === 'signedIn' && !busy) return <Navigate to={target} replace />;

  // The provider of the address typed so far: offered beside the password, which becomes
  // optional (an admin of that municipality may still have a password of their own).
  const match = ssoProviderForEmail(providers, email);
  const forgotState: ForgotPasswordState = { email: email.trim() };
  const matchHref = match && ssoStartHref(match.id, target, email.trim());

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (matchHref && password === '') {
      window.location.assign(matchHref);
      return;
    }
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
      <SsoFailureAlert />
      {providers.length > 0 && <SsoProviderList providers={providers} returnTo={target} />}
      {providers.length > 0 && <Heading2>{t('login.password.title')}</Heading2>}
      <Paragraph>{t('login.intro')}</Paragraph>
      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <form className="standpunt-form" onSubmit={(event) => void onSubmit(event)}>
        <div className="standpunt-login-email">
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
          {/* A live region, there from the start, so that a provider found is announced. */}
          <div className="standpunt-sso-match" role="status">
            {match && matchHref && (
              <>
                <Paragraph>
                  {t('login.sso.match', { domain: emailDomain(email) ?? '', name: match.name })}
                </Paragraph>
                <ButtonLink appearance="primary-action-button" href={matchHref}>
                  {t('login.sso.continue', { name: match.name })}
                </ButtonLink>
              </>
            )}
          </div>
        </div>
        <FormField
          label={<FormLabel htmlFor="login-password">{t('login.password')}</FormLabel>}
          description={
            match && (
              <FormFieldDescription id="login-password-hint">
                {t('login.sso.passwordOptional', { name: match.name })}
              </FormFieldDescription>
            )
          }
          input={
            <Textbox
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required={!match}
              aria-describedby={match ? 'login-password-hint' : undefined}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          }
        />
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('login.submit')}
        </Button>
      </form>
      <Paragraph>
        <RouterLink to={FORGOT_PASSWORD_PATH} state={forgotState}>
          {t('login.forgotPassword')}
        </RouterLink>
      </Paragraph>
    </div>
  );
}
