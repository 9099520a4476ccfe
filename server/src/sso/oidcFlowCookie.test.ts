import { describe, expect, it } from 'vitest';
import { openOidcFlow, sealOidcFlow, type OidcFlow } from './oidcFlowCookie.js';

const SECRET = 'client-secret-of-amsterdam';
const flow: OidcFlow = {
  provider: 'amsterdam',
  state: 'state-1',
  nonce: 'nonce-1',
  codeVerifier: 'verifier-1',
  returnTo: '/papers/p1',
  expiresAt: Date.now() + 60_000,
};

describe('the flow cookie', () => {
  it('opens to the flow sealed in it, and hides what it holds', () => {
    const sealed = sealOidcFlow(flow, SECRET);
    expect(openOidcFlow(sealed, 'amsterdam', SECRET)).toStrictEqual(flow);
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('verifier-1');
    expect(sealOidcFlow(flow, SECRET)).not.toBe(sealed);
  });

  it('does not open for another provider or secret, changed, expired or missing', () => {
    const sealed = sealOidcFlow(flow, SECRET);
    expect(openOidcFlow(sealed, 'utrecht', SECRET)).toBeUndefined();
    expect(openOidcFlow(sealed, 'amsterdam', 'another-secret')).toBeUndefined();
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[20]! ^= 1;
    expect(openOidcFlow(bytes.toString('base64url'), 'amsterdam', SECRET)).toBeUndefined();
    expect(openOidcFlow(sealed, 'amsterdam', SECRET, flow.expiresAt)).toBeUndefined();
    expect(openOidcFlow(undefined, 'amsterdam', SECRET)).toBeUndefined();
    expect(openOidcFlow('kort', 'amsterdam', SECRET)).toBeUndefined();
  });
});
