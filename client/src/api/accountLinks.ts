import type { MeResponse, PublicUser, TokenHolder } from '@standpunt/shared';
import { apiFetch } from './apiFetch';

/**
 * The links in the account mails: an invitation (`/welkom/<token>`) and a password reset
 * (`/wachtwoord-herstellen/<token>`). A link that was used, replaced or expired answers 410.
 */
export type AccountLinkPurpose = 'invitation' | 'reset';

const LINK_PATHS: Record<AccountLinkPurpose, { check: string; use: string }> = {
  invitation: { check: '/api/auth/invitation/check', use: '/api/auth/invitation' },
  reset: { check: '/api/auth/password-reset/check', use: '/api/auth/password-reset/confirm' },
};

/** Whose link it is; the link keeps working. */
export function checkAccountLink(
  purpose: AccountLinkPurpose,
  token: string,
  signal?: AbortSignal,
): Promise<TokenHolder> {
  return apiFetch<TokenHolder>(LINK_PATHS[purpose].check, {
    method: 'POST',
    body: { token },
    ...(signal ? { signal } : {}),
  });
}

/** Sets the password through the link, which is then used up; the server signs the holder in. */
export async function setPasswordThroughLink(
  purpose: AccountLinkPurpose,
  token: string,
  password: string,
): Promise<PublicUser> {
  const { user } = await apiFetch<MeResponse>(LINK_PATHS[purpose].use, {
    method: 'POST',
    body: { token, password },
  });
  return user;
}

/** Asks for a reset mail. Answers the same whether or not the address has an account. */
export async function requestPasswordReset(email: string): Promise<void> {
  await apiFetch<unknown>('/api/auth/password-reset', { method: 'POST', body: { email } });
}
