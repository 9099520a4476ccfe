import { describe, expect, it } from 'vitest';
import type { IdTokenClaims } from './OidcProviderClient.js';
import type { OidcProviderSettings } from './oidcProvidersFile.js';
import { identityFromClaims } from './ssoIdentity.js';

const settings = (organisation: OidcProviderSettings['organisation']): OidcProviderSettings => ({
  id: 'p',
  name: 'P',
  issuer: 'https://idp.test',
  clientId: 'c',
  clientSecret: 's',
  organisation,
  emailDomains: [],
  scope: 'openid',
});

const claims = (extra: Record<string, unknown>): IdTokenClaims => ({
  iss: 'https://idp.test',
  sub: 'S-1',
  aud: 'c',
  iat: 0,
  exp: 0,
  ...extra,
});

describe('identityFromClaims', () => {
  it('takes the address in lower case, the name, and the link', () => {
    expect(
      identityFromClaims(
        claims({ email: ' Anna@Amsterdam.NL ', name: 'Anna\nde Vries' }),
        settings({ code: 'GM0363' }),
      ),
    ).toStrictEqual({
      identity: {
        link: { issuer: 'https://idp.test', subject: 'S-1' },
        email: 'anna@amsterdam.nl',
        name: 'Anna de Vries',
        organisation: 'GM0363',
      },
    });
  });

  it('falls back to ADFS’ upn, to given and family name, and to the address', () => {
    const fixed = settings({ code: 'GM0363' });
    const fromUpn = identityFromClaims(
      claims({ upn: 'b.bakker@amsterdam.nl', given_name: 'Bart', family_name: 'Bakker' }),
      fixed,
    );
    expect(fromUpn).toMatchObject({
      identity: { email: 'b.bakker@amsterdam.nl', name: 'Bart Bakker' },
    });
    expect(identityFromClaims(claims({ email: 'c@a.nl' }), fixed)).toMatchObject({
      identity: { name: 'c@a.nl' },
    });
  });

  it('refuses without an address, or with one the provider calls unverified', () => {
    const fixed = settings({ code: 'GM0363' });
    for (const extra of [
      {},
      { upn: 'AMSTERDAM\\anna' },
      { email: 'a@a.nl', email_verified: false },
    ]) {
      expect(identityFromClaims(claims(extra), fixed)).toStrictEqual({
        refused: 'email_missing',
        email: null,
      });
    }
  });

  it('reads the organisation from the claim named, in any case, and refuses unknown ones', () => {
    const fromClaim = settings({ claim: 'gemeente' });
    expect(
      identityFromClaims(claims({ email: 'a@a.nl', gemeente: 'gm0344' }), fromClaim),
    ).toMatchObject({
      identity: { organisation: 'GM0344' },
    });
    for (const gemeente of ['GM9999', 42, undefined, 'Utrecht']) {
      expect(identityFromClaims(claims({ email: 'a@a.nl', gemeente }), fromClaim)).toStrictEqual({
        refused: 'organisation_unknown',
        email: 'a@a.nl',
      });
    }
  });
});
