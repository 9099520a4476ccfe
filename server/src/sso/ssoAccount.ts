/**
 * The account a single sign-on identity signs in to. The first sign-in makes it (no admin
 * rights, no paper roles, no password) and links it to the provider's issuer and the
 * person's `sub` there; every later one finds it by that link alone — not by e-mail address,
 * which a provider may change, or hand to someone else later.
 *
 * An account that already holds the address but is not linked is never taken over: whoever
 * controls a provider could otherwise sign in as any account of any organisation, admins
 * included, by sending its address. That sign-in is refused until an admin sorts it out.
 */
import { EmailTakenError, SsoLinkTakenError } from '../storage/MetaStore.js';
import type { MetaStore, UserRecord } from '../storage/MetaStore.js';
import { newId } from '../ids.js';
import type { SsoIdentity } from './ssoIdentity.js';

export type SsoAccountOutcome =
  { user: UserRecord; created: boolean } | { refused: 'email_taken' | 'account_inactive' };

function existing(user: UserRecord): SsoAccountOutcome {
  return user.active ? { user, created: false } : { refused: 'account_inactive' };
}

export async function ssoAccount(
  meta: MetaStore,
  identity: SsoIdentity,
): Promise<SsoAccountOutcome> {
  const { issuer, subject } = identity.link;
  const linked = await meta.findUserBySso(issuer, subject);
  if (linked) return existing(linked);
  if (await meta.findUserByEmail(identity.email)) return { refused: 'email_taken' };
  const user: UserRecord = {
    id: newId(),
    email: identity.email,
    name: identity.name,
    municipality: identity.organisation,
    admin: false,
    active: true,
    passwordHash: null,
    sso: { issuer, subject },
    createdAt: new Date().toISOString(),
  };
  try {
    await meta.addUser(user);
  } catch (error) {
    if (!(error instanceof EmailTakenError || error instanceof SsoLinkTakenError)) throw error;
    // Made meanwhile by the same person's sign-in in another tab (or on another process),
    // or the address was taken by another account after all.
    const madeMeanwhile = await meta.findUserBySso(issuer, subject);
    return madeMeanwhile ? existing(madeMeanwhile) : { refused: 'email_taken' };
  }
  return { user, created: true };
}
