/**
 * Single sign-on through a municipality's own OpenID Connect provider: what the login page and
 * the server agree on. The server never puts a provider's own words in front of anyone: a
 * failed sign-in comes back to the login page as one of the codes below, which the client
 * turns into its own sentence.
 */

/** A provider as the login page lists it (`GET /api/auth/providers`). */
export interface SsoProviderSummary {
  /** Part of its routes: `/api/auth/oidc/<id>/start`. */
  id: string;
  /** Shown on its button, e.g. "Gemeente Amsterdam". */
  name: string;
  /** The e-mail domains whose people sign in through it (lower case), possibly none. */
  emailDomains: string[];
}

/**
 * Refusals that concern the person's account, known once the provider vouched for who they
 * are; these are also put on the audit trail.
 */
export const SSO_ACCOUNT_REFUSALS = [
  /** The provider named no (verified) e-mail address. */
  'email_missing',
  /** The organisation claim is missing or names no known municipality. */
  'organisation_unknown',
  /** An account with that address exists and signs in another way: it is not taken over. */
  'email_taken',
  /** The linked account was deactivated. */
  'account_inactive',
] as const;
export type SsoAccountRefusal = (typeof SSO_ACCOUNT_REFUSALS)[number];

/** Why a sign-in through a provider did not happen: the `sso` parameter of the login page. */
export const SSO_FAILURES = [
  /** No provider with that id is configured. */
  'unknown_provider',
  /** The provider could not be reached, or answered with a server error. */
  'provider_unreachable',
  /** The sign-in was not begun in this browser, took too long, or was answered twice. */
  'flow_invalid',
  /** The provider refused: cancelled, not allowed, or the one-time code was not accepted. */
  'provider_refused',
  /** The provider's answer did not pass the checks (signature, issuer, audience, nonce, time). */
  'token_invalid',
  ...SSO_ACCOUNT_REFUSALS,
  /** Anything else; the server's log says what. */
  'failed',
] as const;
export type SsoFailure = (typeof SSO_FAILURES)[number];

/** The login page's query parameter that carries an {@link SsoFailure}. */
export const SSO_FAILURE_PARAM = 'sso';

export function isSsoFailure(value: unknown): value is SsoFailure {
  return (SSO_FAILURES as readonly unknown[]).includes(value);
}

/** Where the browser goes to sign in through a provider. */
export function ssoStartPath(providerId: string): string {
  return `/api/auth/oidc/${encodeURIComponent(providerId)}/start`;
}

/** The lower-case domain of an e-mail address, or undefined when it has none. */
export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at < 0) return undefined;
  const domain = email.slice(at + 1).trim();
  return domain === '' ? undefined : domain.toLowerCase();
}

/** The provider that signs in people with this address, by its domain. */
export function ssoProviderForEmail<P extends Pick<SsoProviderSummary, 'emailDomains'>>(
  providers: readonly P[],
  email: string,
): P | undefined {
  const domain = emailDomain(email);
  return domain === undefined
    ? undefined
    : providers.find((provider) => provider.emailDomains.includes(domain));
}
