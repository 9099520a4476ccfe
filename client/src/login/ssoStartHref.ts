import { ssoStartPath } from '@standpunt/shared';

/**
 * The link that begins a sign-in through a provider: the browser leaves the app for it, and
 * comes back to `returnTo` once signed in. The address typed, if any, goes along as a hint
 * for the provider's own login form.
 */
export function ssoStartHref(providerId: string, returnTo: string, loginHint?: string): string {
  const query = new URLSearchParams();
  if (returnTo !== '/') query.set('returnTo', returnTo);
  if (loginHint) query.set('login_hint', loginHint);
  const search = query.toString();
  return search ? `${ssoStartPath(providerId)}?${search}` : ssoStartPath(providerId);
}
