import { describe, expect, it } from 'vitest';
import { ssoProviderForEmail } from '@standpunt/shared';
import { ssoStartHref } from './ssoStartHref';

describe('ssoStartHref', () => {
  it('is the bare start route when there is nowhere particular to go back to', () => {
    expect(ssoStartHref('amsterdam', '/')).toBe('/api/auth/oidc/amsterdam/start');
  });

  it('carries the page to return to and the address typed', () => {
    const href = new URL(ssoStartHref('amsterdam', '/papers/p1?x=1', 'a@amsterdam.nl'), 'http://h');
    expect(href.pathname).toBe('/api/auth/oidc/amsterdam/start');
    expect(href.searchParams.get('returnTo')).toBe('/papers/p1?x=1');
    expect(href.searchParams.get('login_hint')).toBe('a@amsterdam.nl');
  });
});

describe('ssoProviderForEmail', () => {
  const providers = [
    { id: 'amsterdam', emailDomains: ['amsterdam.nl'] },
    { id: 'utrecht', emailDomains: ['utrecht.nl', 'gemeente-utrecht.nl'] },
  ];

  it('finds the provider of an address by its domain, in any case', () => {
    expect(ssoProviderForEmail(providers, 'x@amsterdam.nl')?.id).toBe('amsterdam');
    expect(ssoProviderForEmail(providers, ' Y@Gemeente-Utrecht.NL ')?.id).toBe('utrecht');
  });

  it('finds none for other domains, subdomains, or text without a domain', () => {
    expect(ssoProviderForEmail(providers, 'x@rotterdam.nl')).toBeUndefined();
    expect(ssoProviderForEmail(providers, 'x@post.amsterdam.nl')).toBeUndefined();
    expect(ssoProviderForEmail(providers, 'amsterdam.nl')).toBeUndefined();
    expect(ssoProviderForEmail(providers, 'x@')).toBeUndefined();
  });
});
