/**
 * Who a verified ID token says the person is, in the terms of an account: the link (issuer and
 * `sub`), an e-mail address, a name and an organisation. Everything is read from the ID token:
 * ADFS, the provider most municipalities run, puts little in its userinfo answer.
 */
import { isOrganisationCode, loginRequestSchema, type SsoAccountRefusal } from '@standpunt/shared';
import type { SsoLink } from '../storage/MetaStore.js';
import { withoutControlCharacters } from './controlCharacters.js';
import type { IdTokenClaims } from './OidcProviderClient.js';
import type { OidcProviderSettings } from './oidcProvidersFile.js';

export interface SsoIdentity {
  link: SsoLink;
  email: string;
  name: string;
  /** A CBS code or VNG. */
  organisation: string;
}

export type IdentityOutcome =
  { identity: SsoIdentity } | { refused: SsoAccountRefusal; email: string | null };

/** The longest name an account may have, as for accounts an admin makes. */
const MAX_NAME_LENGTH = 200;

const stringClaim = (claims: IdTokenClaims, name: string): string | undefined => {
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/**
 * The address as accounts hold it (trimmed, lower case), from `email` or, as ADFS sends by
 * default, `upn` when that is an address. An address the provider itself calls unverified is
 * not taken: it could be anyone's.
 */
function emailOf(claims: IdTokenClaims): string | undefined {
  if (claims.email_verified === false) return undefined;
  for (const name of ['email', 'upn']) {
    const parsed = loginRequestSchema.shape.email.safeParse(stringClaim(claims, name));
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

function nameOf(claims: IdTokenClaims, email: string): string {
  const given = [stringClaim(claims, 'given_name'), stringClaim(claims, 'family_name')];
  const name =
    stringClaim(claims, 'name') ?? (given.some(Boolean) ? given.filter(Boolean).join(' ') : email);
  return withoutControlCharacters(name).trim().slice(0, MAX_NAME_LENGTH) || email;
}

function organisationOf(claims: IdTokenClaims, settings: OidcProviderSettings): string | undefined {
  if ('code' in settings.organisation) return settings.organisation.code;
  const code = stringClaim(claims, settings.organisation.claim)?.toUpperCase();
  return code !== undefined && isOrganisationCode(code) ? code : undefined;
}

export function identityFromClaims(
  claims: IdTokenClaims,
  settings: OidcProviderSettings,
): IdentityOutcome {
  const email = emailOf(claims);
  if (email === undefined) return { refused: 'email_missing', email: null };
  const organisation = organisationOf(claims, settings);
  if (organisation === undefined) return { refused: 'organisation_unknown', email };
  return {
    identity: {
      // openid-client checked that `iss` is the provider's issuer and `sub` is there.
      link: { issuer: claims.iss, subject: claims.sub },
      email,
      name: nameOf(claims, email),
      organisation,
    },
  };
}
