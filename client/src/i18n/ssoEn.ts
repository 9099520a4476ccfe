import type { ssoNl } from './ssoNl';

/** English strings of single sign-on (login page, audit trail); spread into {@link en}. */
export const ssoEn: Record<keyof typeof ssoNl, string> = {
  'login.sso.title': 'Sign in through your organisation',
  'login.sso.intro': 'Does your organisation have its own sign-in service? Then sign in with it.',
  'login.sso.button': 'Sign in through {name}',
  'login.sso.match': 'With an e-mail address at {domain} you sign in through {name}.',
  'login.sso.continue': 'Continue to {name}',
  'login.sso.passwordOptional':
    'Leave the password empty to sign in through {name}, or enter it if you have a password of your own.',
  'login.password.title': 'Sign in with e-mail address and password',
  'login.sso.failure.unknown_provider':
    'This sign-in service is not (or no longer) set up. Please choose another way to sign in.',
  'login.sso.failure.provider_unreachable':
    'Your organisation’s sign-in service cannot be reached right now. Please try again in a few minutes.',
  'login.sso.failure.flow_invalid':
    'The sign-in expired or was not started in this window. Please try again.',
  'login.sso.failure.provider_refused':
    'The sign-in service did not complete the sign-in. Please try again, or contact your organisation’s help desk.',
  'login.sso.failure.token_invalid':
    'The answer of the sign-in service could not be verified, so you have not been signed in. If trying again does not help, please contact the administrator.',
  'login.sso.failure.email_missing':
    'The sign-in service did not pass on a verified e-mail address. Please ask your organisation’s help desk to set that up.',
  'login.sso.failure.organisation_unknown':
    'The sign-in service did not pass on a known municipality, so no account was created. Please contact the administrator.',
  'login.sso.failure.email_taken':
    'An account with your e-mail address already exists that does not sign in through this service. Sign in with your e-mail address and password, or contact the administrator.',
  'login.sso.failure.account_inactive':
    'Your account has been deactivated. Please contact the administrator.',
  'login.sso.failure.failed': 'Signing in through the sign-in service failed. Please try again.',

  'audit.event.ssoLogin': 'Signed in through {provider}',
  'audit.event.ssoAccountCreated':
    'Account created for {email} ({organisation}) on the first sign-in through {provider}',
  'audit.event.ssoRefused.email_missing':
    'Sign-in through {provider} refused: no verified e-mail address passed on',
  'audit.event.ssoRefused.organisation_unknown':
    'Sign-in through {provider} refused for {email}: no known municipality passed on',
  'audit.event.ssoRefused.email_taken':
    'Sign-in through {provider} refused for {email}: an account with this address exists that is not linked to this sign-in service',
  'audit.event.ssoRefused.account_inactive':
    'Sign-in through {provider} refused for {email}: the account is deactivated',
};
