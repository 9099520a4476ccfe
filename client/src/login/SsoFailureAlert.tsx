import { isSsoFailure, SSO_FAILURE_PARAM } from '@standpunt/shared';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../i18n/useT';

/**
 * Why the last sign-in through a provider did not happen, from the login page's `sso`
 * parameter: only one of the fixed reasons is ever shown, in the app's own words — whatever
 * else the parameter holds is ignored. Focused when shown, so that it is read out first.
 */
export function SsoFailureAlert() {
  const t = useT();
  const [params] = useSearchParams();
  const failure = params.get(SSO_FAILURE_PARAM);
  const alert = useRef<HTMLDivElement>(null);
  const known = isSsoFailure(failure) ? failure : null;

  useEffect(() => {
    if (known) alert.current?.focus();
  }, [known]);

  if (!known) return null;
  return (
    <div ref={alert} tabIndex={-1} className="standpunt-sso-failure">
      <Alert type="error" role="alert">
        <Paragraph>{t(`login.sso.failure.${known}`)}</Paragraph>
      </Alert>
    </div>
  );
}
