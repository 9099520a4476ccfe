/**
 * Signing in through an OpenID Connect provider, end to end: the real server, a real provider
 * (TestOpenIdProvider) and a browser that follows the redirects between them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, PaperSummary, PublicUser } from '@standpunt/shared';
import type { RunningServer } from '../src/createServer.js';
import { parseOidcProviders } from '../src/sso/oidcProvidersFile.js';
import { ApiClient, createPaper, createPerson, signInAsAdmin, startTestServer } from './helpers.js';
import { RedirectBrowser } from './RedirectBrowser.js';
import { TestOpenIdProvider, type PersonClaims } from './TestOpenIdProvider.js';

const CLIENTS = {
  amsterdam: {
    clientId: 'standpunt-amsterdam',
    clientSecret: 'amsterdam-client-secret-0123456789',
  },
  regio: { clientId: 'standpunt-regio', clientSecret: 'regio-client-secret-0123456789' },
};

/** A port nothing listens on: a provider that is down. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('single sign-on (OpenID Connect)', () => {
  let op: TestOpenIdProvider;
  let server: RunningServer;
  let admin: ApiClient;
  const logs: string[] = [];
  /** Every code the provider handed out, to look for in the logs. */
  const codes: string[] = [];

  beforeAll(async () => {
    op = await TestOpenIdProvider.listen();
    const oidcProviders = parseOidcProviders(
      [
        {
          id: 'amsterdam',
          name: 'Gemeente Amsterdam',
          issuer: op.issuer,
          ...CLIENTS.amsterdam,
          organisation: 'GM0363',
          emailDomains: ['amsterdam.test'],
        },
        {
          id: 'regio',
          name: 'Regionale inlogdienst',
          issuer: op.issuer,
          ...CLIENTS.regio,
          organisationClaim: 'gemeente',
        },
        {
          id: 'offline',
          name: 'Onbereikbaar',
          issuer: `http://127.0.0.1:${await closedPort()}`,
          clientId: 'standpunt',
          clientSecret: 'offline-client-secret',
          organisation: 'GM0344',
        },
      ],
      'the test',
    );
    server = await startTestServer({ oidcProviders, log: (message) => logs.push(message) });
    // The redirect URIs to register, as the README names them.
    op.register(
      (['amsterdam', 'regio'] as const).map((id) => ({
        ...CLIENTS[id],
        redirectUri: `${server.url}/api/auth/oidc/${id}/callback`,
      })),
    );
    admin = await signInAsAdmin(server);
  });

  afterAll(async () => {
    await server?.stop();
    await op?.close();
  });

  const startUrl = (provider: string, query = '') =>
    `${server.url}/api/auth/oidc/${provider}/start${query}`;

  /** Back in the app (not its API): where every sign-in ends, well or not. */
  const inApp = (url: URL) => url.origin === server.url && !url.pathname.startsWith('/api/');
  const atCallback = (url: URL) => url.origin === server.url && url.pathname.endsWith('/callback');

  /** The reason the login page was given, or null when the browser went elsewhere. */
  const failureAt = (url: URL) =>
    url.origin === server.url && url.pathname === '/login' ? url.searchParams.get('sso') : null;

  /** The API as the browser's session cookie (if any) lets it be used. */
  function apiOf(browser: RedirectBrowser): ApiClient {
    const client = new ApiClient(server.url);
    const session = browser.cookie(server.url, 'standpunt_session');
    if (session) client.cookie = `standpunt_session=${session}`;
    return client;
  }

  /** The whole sign-in of `sub` through `provider`, in a new browser. */
  async function signIn(provider: string, sub: string, claims?: PersonClaims, query = '') {
    op.signInAs(sub, claims);
    const browser = new RedirectBrowser();
    const { stoppedAt, visited } = await browser.follow(startUrl(provider, query), inApp);
    for (const url of visited)
      if (url.searchParams.has('code')) codes.push(url.searchParams.get('code')!);
    return { stoppedAt, browser, api: apiOf(browser) };
  }

  /** A sign-in up to the moment the provider sends the browser back with a code. */
  async function untilCallback(provider: string, sub: string, claims?: PersonClaims) {
    op.signInAs(sub, claims);
    const browser = new RedirectBrowser();
    const { stoppedAt: callback } = await browser.follow(startUrl(provider), atCallback);
    codes.push(callback.searchParams.get('code') ?? '');
    return { callback, browser };
  }

  /** Requests the callback as the browser would and reads where it sends it next. */
  async function answer(browser: RedirectBrowser, callback: URL, cookieHeader?: string) {
    const response = await browser.get(callback, cookieHeader);
    expect(response.status).toBe(302);
    const setCookies = response.headers.getSetCookie();
    return {
      next: new URL(response.headers.get('location')!, callback),
      sessionStarted: setCookies.some((line) => /^standpunt_session=[^;]+/.test(line)),
    };
  }

  async function me(api: ApiClient) {
    return api.request<{ user: PublicUser }>('GET', '/api/auth/me');
  }

  async function auditEvents(type: AuditEvent['type']): Promise<AuditEvent[]> {
    const response = await admin.request<AuditEvent[]>('GET', '/api/audit');
    expect(response.status).toBe(200);
    return response.body.filter((event) => event.type === type);
  }

  const accountsMadeFor = async (email: string) =>
    (await auditEvents('user.created_by_sso')).filter(
      (event) => event.type === 'user.created_by_sso' && event.email === email,
    );

  it('lists the providers for the login page, with their domains and nothing secret', async () => {
    const response = await new ApiClient(server.url).request('GET', '/api/auth/providers');
    expect(response.status).toBe(200);
    expect(response.body).toStrictEqual([
      { id: 'amsterdam', name: 'Gemeente Amsterdam', emailDomains: ['amsterdam.test'] },
      { id: 'regio', name: 'Regionale inlogdienst', emailDomains: [] },
      { id: 'offline', name: 'Onbereikbaar', emailDomains: [] },
    ]);
    expect(JSON.stringify(response.body)).not.toContain('secret');
  });

  it('sends the browser to the provider with PKCE, a state and a nonce of its own each time', async () => {
    const browser = new RedirectBrowser();
    const starts = [
      await browser.get(startUrl('amsterdam')),
      await browser.get(startUrl('amsterdam')),
    ];
    const [first, second] = starts.map((response) => {
      expect(response.status).toBe(302);
      return new URL(response.headers.get('location')!);
    });
    expect(`${first!.origin}${first!.pathname}`).toBe(`${op.issuer}/auth`);
    const parameters = Object.fromEntries(first!.searchParams);
    expect(parameters).toMatchObject({
      client_id: CLIENTS.amsterdam.clientId,
      redirect_uri: `${server.url}/api/auth/oidc/amsterdam/callback`,
      response_type: 'code',
      code_challenge_method: 'S256',
    });
    expect(parameters.scope?.split(' ')).toContain('openid');
    expect(parameters.code_challenge).toMatch(/^[\w-]{43}$/);
    for (const name of ['state', 'nonce', 'code_challenge']) {
      expect(first!.searchParams.get(name)).toBeTruthy();
      expect(first!.searchParams.get(name)).not.toBe(second!.searchParams.get(name));
    }
    const flowCookie = starts[0]!.headers
      .getSetCookie()
      .find((line) => line.startsWith('standpunt_oidc='));
    expect(flowCookie).toMatch(/; HttpOnly/i);
    expect(flowCookie).toMatch(/; Path=\/api\/auth\/oidc\//);
    expect(flowCookie).toMatch(/; SameSite=Lax/i);
    // Sealed: neither the state nor the verifier can be read from it.
    expect(flowCookie).not.toContain(first!.searchParams.get('state'));
  });

  it('makes the account at the first sign-in, in the provider’s fixed municipality, without rights or password', async () => {
    const paper: PaperSummary = await createPaper(admin, 'Alleen voor leden');
    const { stoppedAt, api } = await signIn('amsterdam', 'amsterdam-anna', {
      email: 'Anna@Amsterdam.test',
      email_verified: true,
      name: 'Anna de Vries',
    });
    expect(stoppedAt.href).toBe(`${server.url}/`);

    const { status, body } = await me(api);
    expect(status).toBe(200);
    expect(body.user).toMatchObject({
      email: 'anna@amsterdam.test',
      name: 'Anna de Vries',
      municipality: 'GM0363',
      admin: false,
    });
    const papers = await api.request<PaperSummary[]>('GET', '/api/papers');
    expect(papers.status).toBe(200);
    expect(papers.body.filter((each) => each.myRole !== null)).toStrictEqual([]);
    expect(papers.body.find((each) => each.id === paper.id)?.myRole ?? null).toBeNull();

    const [created] = await accountsMadeFor('anna@amsterdam.test');
    expect(created).toMatchObject({
      userId: body.user.id,
      municipality: 'GM0363',
      provider: 'amsterdam',
      providerName: 'Gemeente Amsterdam',
      actor: { userId: body.user.id },
    });
    const logins = (await auditEvents('auth.sso_login')).filter(
      (event) => event.actor?.userId === body.user.id,
    );
    expect(logins).toHaveLength(1);
    expect(logins[0]).toMatchObject({ email: 'anna@amsterdam.test', provider: 'amsterdam' });

    // No password works for it.
    const withPassword = await new ApiClient(server.url).request('POST', '/api/auth/login', {
      email: 'anna@amsterdam.test',
      password: 'x',
    });
    expect(withPassword.status).toBe(401);
  });

  it('takes the municipality from the ID token’s claim for a provider that names one there', async () => {
    const { stoppedAt, api } = await signIn('regio', 'regio-bob', {
      email: 'bob@utrecht.test',
      name: 'Bob Jansen',
      gemeente: 'GM0344',
    });
    expect(stoppedAt.href).toBe(`${server.url}/`);
    expect((await me(api)).body.user).toMatchObject({
      email: 'bob@utrecht.test',
      municipality: 'GM0344',
    });
  });

  it('finds the same account at a later sign-in by its sub, also when the e-mail claim changed', async () => {
    const first = await signIn('amsterdam', 'amsterdam-carla', {
      email: 'carla@amsterdam.test',
      name: 'Carla Vos',
    });
    const account = (await me(first.api)).body.user;
    op.people.set('amsterdam-carla', { email: 'c.vos@amsterdam.test', name: 'Carla Vos' });

    const again = await signIn('amsterdam', 'amsterdam-carla');
    expect(again.stoppedAt.href).toBe(`${server.url}/`);
    const found = (await me(again.api)).body.user;
    expect(found.id).toBe(account.id);
    expect(found.email).toBe('carla@amsterdam.test');
    expect(await accountsMadeFor('c.vos@amsterdam.test')).toHaveLength(0);
    expect(await accountsMadeFor('carla@amsterdam.test')).toHaveLength(1);
    const logins = (await auditEvents('auth.sso_login')).filter(
      (event) => event.actor?.userId === account.id,
    );
    expect(logins).toHaveLength(2);
  });

  it('refuses a claim that names no known municipality, or none, and makes no account', async () => {
    for (const [sub, gemeente] of [
      ['regio-dirk', 'GM9999'],
      ['regio-eva', undefined],
    ] as const) {
      const email = `${sub}@regio.test`;
      const { stoppedAt, api } = await signIn('regio', sub, {
        email,
        ...(gemeente ? { gemeente } : {}),
      });
      expect(failureAt(stoppedAt)).toBe('organisation_unknown');
      expect((await me(api)).status).toBe(401);
      expect(await accountsMadeFor(email)).toHaveLength(0);
      const refusals = (await auditEvents('auth.sso_refused')).filter(
        (event) => event.type === 'auth.sso_refused' && event.email === email,
      );
      expect(refusals).toMatchObject([{ reason: 'organisation_unknown', provider: 'regio' }]);
    }
  });

  it('does not take over an account that holds the address but is not linked', async () => {
    const { user, client } = await createPerson(admin, 'Frits Bestaand', 'GM0363');
    for (let attempt = 0; attempt < 2; attempt++) {
      const { stoppedAt, api } = await signIn('amsterdam', 'amsterdam-frits', {
        email: user.email,
        name: 'Frits via Amsterdam',
      });
      expect(failureAt(stoppedAt)).toBe('email_taken');
      expect((await me(api)).status).toBe(401);
    }
    expect(await accountsMadeFor(user.email)).toHaveLength(0);
    expect((await me(client)).body.user).toMatchObject({ id: user.id, name: 'Frits Bestaand' });
    const refusals = (await auditEvents('auth.sso_refused')).filter(
      (event) => event.type === 'auth.sso_refused' && event.email === user.email,
    );
    expect(refusals).toHaveLength(2);
    expect(refusals[0]).toMatchObject({ reason: 'email_taken', actor: null });
  });

  it('refuses a callback whose state is not the one sent, and one begun in another browser', async () => {
    const { callback, browser } = await untilCallback('amsterdam', 'amsterdam-gert', {
      email: 'gert@amsterdam.test',
    });
    const cookies = browser.cookieHeader(callback);
    const forged = new URL(callback);
    forged.searchParams.set('state', 'een-andere-state');
    const withForgedState = await answer(browser, forged, cookies);
    expect(failureAt(withForgedState.next)).toBe('flow_invalid');
    expect(withForgedState.sessionStarted).toBe(false);

    const elsewhere = await answer(new RedirectBrowser(), callback);
    expect(failureAt(elsewhere.next)).toBe('flow_invalid');
    expect(elsewhere.sessionStarted).toBe(false);
    expect(await accountsMadeFor('gert@amsterdam.test')).toHaveLength(0);

    // The very same callback, with the state sent and in the browser that began: signed in.
    const genuine = await answer(browser, callback, cookies);
    expect(genuine.next.href).toBe(`${server.url}/`);
    expect(genuine.sessionStarted).toBe(true);
  });

  it('refuses a code used a second time', async () => {
    const { callback, browser } = await untilCallback('amsterdam', 'amsterdam-hans', {
      email: 'hans@amsterdam.test',
    });
    const cookies = browser.cookieHeader(callback);
    const first = await answer(browser, callback, cookies);
    expect(first.next.href).toBe(`${server.url}/`);
    expect(first.sessionStarted).toBe(true);

    const replayed = await answer(new RedirectBrowser(), callback, cookies);
    expect(failureAt(replayed.next)).toBe('provider_refused');
    expect(replayed.sessionStarted).toBe(false);
    const logins = (await auditEvents('auth.sso_login')).filter(
      (event) => event.type === 'auth.sso_login' && event.email === 'hans@amsterdam.test',
    );
    expect(logins).toHaveLength(1);
  });

  it('refuses an expired code', async () => {
    op.codeTtlSeconds = 1;
    try {
      const { callback, browser } = await untilCallback('amsterdam', 'amsterdam-ilse', {
        email: 'ilse@amsterdam.test',
      });
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const late = await answer(browser, callback);
      expect(failureAt(late.next)).toBe('provider_refused');
      expect(late.sessionStarted).toBe(false);
    } finally {
      op.codeTtlSeconds = 60;
    }
    expect(await accountsMadeFor('ilse@amsterdam.test')).toHaveLength(0);
  });

  it('refuses an ID token signed by a key the provider did not publish', async () => {
    const claims = { email: 'joke@amsterdam.test', name: 'Joke' };
    op.signIdTokensWithAnotherKey = true;
    try {
      const { stoppedAt, api } = await signIn('amsterdam', 'amsterdam-joke', claims);
      expect(failureAt(stoppedAt)).toBe('token_invalid');
      expect((await me(api)).status).toBe(401);
    } finally {
      op.signIdTokensWithAnotherKey = false;
    }
    expect(await accountsMadeFor('joke@amsterdam.test')).toHaveLength(0);
    // Signed by the provider's own key, the same token is taken.
    const { stoppedAt } = await signIn('amsterdam', 'amsterdam-joke', claims);
    expect(stoppedAt.href).toBe(`${server.url}/`);
  });

  it('sends the person back with a fixed reason when the provider answers with an error of its own', async () => {
    const { callback, browser } = await untilCallback('amsterdam', 'amsterdam-kees', {
      email: 'kees@amsterdam.test',
    });
    const refused = new URL(callback.origin + callback.pathname);
    refused.searchParams.set('error', 'access_denied');
    refused.searchParams.set('error_description', '<script>alert(1)</script> Toegang geweigerd');
    refused.searchParams.set('state', callback.searchParams.get('state')!);
    refused.searchParams.set('iss', callback.searchParams.get('iss')!);
    const response = await browser.get(refused);
    const location = response.headers.get('location')!;
    expect(failureAt(new URL(location, callback))).toBe('provider_refused');
    expect(location).not.toMatch(/script|Toegang|access_denied/);
    expect(await response.text()).not.toMatch(/script|Toegang|access_denied/);
  });

  it('sends the person back with a fixed reason for an unknown or unreachable provider', async () => {
    const browser = new RedirectBrowser();
    for (const [provider, failure] of [
      ['onbekend', 'unknown_provider'],
      ['offline', 'provider_unreachable'],
    ] as const) {
      const response = await browser.get(startUrl(provider));
      expect(response.status).toBe(302);
      expect(failureAt(new URL(response.headers.get('location')!, server.url))).toBe(failure);
    }
    const callback = await browser.get(
      `${server.url}/api/auth/oidc/onbekend/callback?code=x&state=y`,
    );
    expect(failureAt(new URL(callback.headers.get('location')!, server.url))).toBe(
      'unknown_provider',
    );
  });

  it('goes on to the page asked for, but never to another site', async () => {
    const claims = { email: 'lies@amsterdam.test' };
    const deep = await signIn('amsterdam', 'amsterdam-lies', claims, '?returnTo=/papers/abc?tab=1');
    expect(deep.stoppedAt.href).toBe(`${server.url}/papers/abc?tab=1`);
    for (const returnTo of ['//evil.test/x', '/\\evil.test', 'https://evil.test/']) {
      const query = `?returnTo=${encodeURIComponent(returnTo)}`;
      const { stoppedAt } = await signIn('amsterdam', 'amsterdam-lies', claims, query);
      expect(stoppedAt.href).toBe(`${server.url}/`);
    }
  });

  it('puts no token or code in the log or the audit trail', async () => {
    expect(codes.length).toBeGreaterThan(3);
    const trail = JSON.stringify((await admin.request('GET', '/api/audit')).body);
    const log = logs.join('\n');
    for (const text of [trail, log]) {
      // Every JWT (an ID token) begins with the base64url of `{"`.
      expect(text).not.toContain('eyJ');
      for (const code of codes) expect(text).not.toContain(code);
    }
    // The refusals were logged, each with its reason.
    expect(log).toMatch(/"amsterdam" refused \(token_invalid\)/);
    expect(log).toMatch(/"offline" refused \(provider_unreachable\)/);
  });
});
