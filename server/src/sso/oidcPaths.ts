/**
 * Where the sign-in through a provider happens, under the public URL: the callback is the
 * redirect URI to register at the provider (README, "Single sign-on (OpenID Connect)").
 */
import { SSO_FAILURE_PARAM, type SsoFailure } from '@standpunt/shared';
import { publicLink } from '../mail/mailSettings.js';
import { hasControlCharacters } from './controlCharacters.js';

/** `<public URL>/api/auth/oidc/<id>/callback` */
export function oidcRedirectUri(publicUrl: string, providerId: string): string {
  return publicLink(publicUrl, `/api/auth/oidc/${encodeURIComponent(providerId)}/callback`);
}

/** The path the flow cookie is sent to: the start and callback routes, nothing else. */
export function oidcCookiePath(publicUrl: string): string {
  return new URL(publicLink(publicUrl, '/api/auth/oidc/')).pathname;
}

/** The login page, telling why a sign-in through a provider did not happen. */
export function loginPageWithFailure(publicUrl: string, failure: SsoFailure): string {
  return publicLink(publicUrl, `/login?${SSO_FAILURE_PARAM}=${failure}`);
}

/**
 * The app's own path to return to after signing in, or `/`: never another site (`//host`,
 * `/\host`, which browsers read as one) and nothing that could break the Location header.
 */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.startsWith('/\\') &&
    !hasControlCharacters(value) &&
    value.length <= 2000
    ? value
    : '/';
}

/** A `login_hint` worth passing on to the provider: the address typed on the login page. */
export function loginHintOf(value: unknown): string | undefined {
  return typeof value === 'string' &&
    value.length > 0 &&
    value.length <= 254 &&
    !hasControlCharacters(value)
    ? value
    : undefined;
}
