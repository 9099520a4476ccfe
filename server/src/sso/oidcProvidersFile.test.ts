import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../config.js';
import { oidcProvidersFromEnv, parseOidcProviders } from './oidcProvidersFile.js';

const amsterdam = {
  id: 'amsterdam',
  name: 'Gemeente Amsterdam',
  issuer: 'https://adfs.amsterdam.nl/adfs',
  clientId: 'standpunt',
  clientSecret: 'zeer-geheim-1234',
  organisation: 'GM0363',
  emailDomains: ['Amsterdam.nl'],
};

const parse = (input: unknown) => parseOidcProviders(input, 'providers.json');

function writeFile(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpunt-oidc-'));
  const file = path.join(dir, 'providers.json');
  fs.writeFileSync(file, text);
  return file;
}

describe('the providers file', () => {
  it('reads providers with a fixed organisation or a claim, with defaults', () => {
    expect(
      parse([
        amsterdam,
        {
          id: 'regio-west',
          name: 'Regio West',
          issuer: 'http://localhost:8080/realms/west',
          clientId: 'standpunt',
          clientSecret: 's',
          organisationClaim: 'gemeente',
          scope: 'openid email allatclaims',
        },
      ]),
    ).toStrictEqual([
      {
        id: 'amsterdam',
        name: 'Gemeente Amsterdam',
        issuer: 'https://adfs.amsterdam.nl/adfs',
        clientId: 'standpunt',
        clientSecret: 'zeer-geheim-1234',
        organisation: { code: 'GM0363' },
        emailDomains: ['amsterdam.nl'],
        scope: 'openid email profile',
      },
      {
        id: 'regio-west',
        name: 'Regio West',
        issuer: 'http://localhost:8080/realms/west',
        clientId: 'standpunt',
        clientSecret: 's',
        organisation: { claim: 'gemeente' },
        emailDomains: [],
        scope: 'openid email allatclaims',
      },
    ]);
    expect(parse([])).toStrictEqual([]);
  });

  it.each([
    ['not a list', { providers: [] }, /providers\.json\): .*list/],
    ['a bad id', [{ ...amsterdam, id: 'Gemeente Amsterdam' }], /provider 1 .*: id must be 1 to 40/],
    ['no issuer', [{ ...amsterdam, issuer: undefined }], /provider 1 \("amsterdam"\): issuer/],
    [
      'a plain-HTTP issuer elsewhere',
      [{ ...amsterdam, issuer: 'http://adfs.amsterdam.nl/adfs' }],
      /issuer must be an https:\/\/ URL \(http:\/\/ only for localhost\)/,
    ],
    ['an issuer with a query', [{ ...amsterdam, issuer: 'https://a.nl/?x=1' }], /no query/],
    ['no client secret', [{ ...amsterdam, clientSecret: '' }], /clientSecret must not be empty/],
    [
      'an unknown municipality',
      [{ ...amsterdam, organisation: 'GM9999' }],
      /organisation must be a CBS municipality code/,
    ],
    [
      'both organisation and claim',
      [{ ...amsterdam, organisationClaim: 'gemeente' }],
      /exactly one of "organisation".*"organisationClaim"/,
    ],
    [
      'neither organisation nor claim',
      [{ ...amsterdam, organisation: undefined }],
      /exactly one of "organisation"/,
    ],
    ['an address as domain', [{ ...amsterdam, emailDomains: ['@amsterdam.nl'] }], /no "@"/],
    ['a misspelt field', [{ ...amsterdam, organization: 'GM0363' }], /organization/],
    ['a scope without openid', [{ ...amsterdam, scope: 'email profile' }], /include "openid"/],
    ['an id twice', [amsterdam, { ...amsterdam, emailDomains: [] }], /"amsterdam" is given twice/],
    [
      'a domain of two providers',
      [amsterdam, { ...amsterdam, id: 'amsterdam-test' }],
      /"amsterdam\.nl" belongs to both "amsterdam" and "amsterdam-test"/,
    ],
  ])('refuses %s, naming the file and the place', (_what, input, message) => {
    expect(() => parse(input)).toThrow(/^STANDPUNT_OIDC_PROVIDERS_FILE \(providers\.json\): /);
    expect(() => parse(input)).toThrow(message);
  });

  it('never repeats a client secret in its message', () => {
    const secret = 'dit-mag-nooit-in-een-log';
    for (const input of [
      [{ ...amsterdam, clientSecret: secret, issuer: 'ftp://x' }],
      [{ ...amsterdam, clientSecret: secret, organisation: 'nergens' }],
      [{ ...amsterdam, clientSecret: 42 }],
    ]) {
      expect(() => parse(input)).toThrow(/providers\.json/);
      try {
        parse(input);
      } catch (error) {
        expect((error as Error).message).not.toContain(secret);
        expect((error as Error).message).not.toContain('42');
      }
    }
  });

  it('is read from STANDPUNT_OIDC_PROVIDERS_FILE, and none without it', () => {
    const file = writeFile(JSON.stringify([amsterdam]));
    expect(configFromEnv({ STANDPUNT_OIDC_PROVIDERS_FILE: file }).oidcProviders).toMatchObject([
      { id: 'amsterdam', organisation: { code: 'GM0363' } },
    ]);
    expect(configFromEnv({}).oidcProviders).toStrictEqual([]);
    expect(oidcProvidersFromEnv('')).toStrictEqual([]);
  });

  it('stops the start on a file that is missing or not JSON, saying where, not what it holds', () => {
    const missing = path.join(os.tmpdir(), 'standpunt-no-such-dir', 'providers.json');
    expect(() => configFromEnv({ STANDPUNT_OIDC_PROVIDERS_FILE: missing })).toThrow(
      `STANDPUNT_OIDC_PROVIDERS_FILE (${missing}) cannot be read: ENOENT`,
    );
    const broken = writeFile('[{"id": "amsterdam",\n  "clientSecret": geheim-123}]');
    let message = '';
    try {
      oidcProvidersFromEnv(broken);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      new RegExp(`^STANDPUNT_OIDC_PROVIDERS_FILE \\(${broken}\\) is not valid JSON`),
    );
    expect(message).not.toContain('geheim');
    const trailingComma = writeFile('[\n  {"id": "amsterdam",}\n]');
    expect(() => oidcProvidersFromEnv(trailingComma)).toThrow(
      /is not valid JSON at line 2, column/,
    );
  });
});
