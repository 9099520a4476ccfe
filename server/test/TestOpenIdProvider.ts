/**
 * A real OpenID Connect provider for the tests (`oidc-provider`, as certified by the OpenID
 * Foundation) on a free port of this machine: discovery, its own signing keys and JWKS,
 * authorization with PKCE, single-use codes, ID tokens. Only the person's login is left to the
 * test: whoever {@link TestOpenIdProvider.signInAs} names is signed in when the browser arrives
 * at the provider's login page, and consent is taken as given (a first-party client).
 *
 * Like ADFS, it offers no userinfo: every claim is in the ID token.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type AccountClaims, type ClientMetadata } from 'oidc-provider';

/** What the provider says about a person, besides `sub`. */
export type PersonClaims = Omit<AccountClaims, 'sub'>;

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

const SCOPE = 'openid email profile';

function signingKey(kid: string): { privateKey: KeyObject; jwk: Record<string, unknown> } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, jwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256' } };
}

export class TestOpenIdProvider {
  /** Who is who at this provider, by `sub`; change a person's claims to see what follows. */
  readonly people = new Map<string, PersonClaims>();
  /** Seconds an authorization code stays valid. */
  codeTtlSeconds = 60;
  /**
   * When set, every ID token the token endpoint hands out is signed again, with a key the
   * provider never published (under the same `kid`): what a party between Standpunt and the
   * provider, or a forger, would send.
   */
  signIdTokensWithAnotherKey = false;

  #signInAs: string | undefined;
  readonly #key = signingKey('test-key-1');
  readonly #otherKey = signingKey('test-key-1');
  /** Until {@link register}: unavailable. */
  #handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  readonly #server = http.createServer((req, res) => this.#handler(req, res));

  private constructor() {}

  /** Listens on a free port; the provider answers once {@link register} has been called. */
  static async listen(): Promise<TestOpenIdProvider> {
    const op = new TestOpenIdProvider();
    await new Promise<void>((resolve) => op.#server.listen(0, '127.0.0.1', resolve));
    return op;
  }

  /** `http://127.0.0.1:<port>` */
  get issuer(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** The person signed in at the next visit of the login page (their `sub`). */
  signInAs(sub: string, claims?: PersonClaims): void {
    if (claims) this.people.set(sub, claims);
    this.#signInAs = sub;
  }

  /** Starts answering, for these clients (their redirect URIs are known only now). */
  register(clients: readonly TestClient[]): void {
    const provider = new Provider(this.issuer, {
      clients: clients.map((client): ClientMetadata => ({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      })),
      jwks: { keys: [this.#key.jwk] },
      cookies: { keys: ['test-provider-cookie-key'] },
      pkce: { required: () => true },
      features: { devInteractions: { enabled: false }, userinfo: { enabled: false } },
      claims: {
        openid: ['sub', 'gemeente'],
        email: ['email', 'email_verified'],
        profile: ['name', 'given_name', 'family_name'],
      },
      // Scope claims in the ID token too, as ADFS puts them there.
      conformIdTokenClaims: false,
      ttl: {
        AuthorizationCode: () => this.codeTtlSeconds,
        AccessToken: 600,
        IdToken: 600,
        Grant: 600,
        Interaction: 600,
        Session: 600,
      },
      findAccount: (_ctx, sub) => {
        const claims = this.people.get(sub);
        return claims && { accountId: sub, claims: () => ({ ...claims, sub }) };
      },
      // A first-party client: consent is taken as given, for the scopes Standpunt asks.
      loadExistingGrant: async (ctx) => {
        const { client, session } = ctx.oidc;
        if (!client || !session?.accountId) return undefined;
        const grant = new ctx.oidc.provider.Grant({
          clientId: client.clientId,
          accountId: session.accountId,
        });
        grant.addOIDCScope(SCOPE);
        await grant.save();
        return grant;
      },
    });
    provider.use(async (ctx, next) => {
      if (ctx.method === 'GET' && /^\/interaction\/[\w-]+$/.test(ctx.path)) {
        const sub = this.#signInAs;
        if (!sub) {
          ctx.status = 400;
          ctx.body = 'the test chose nobody to sign in';
          return;
        }
        const returnTo = await provider.interactionResult(ctx.req, ctx.res, {
          login: { accountId: sub },
        });
        ctx.redirect(returnTo);
        return;
      }
      await next();
      const body = ctx.body as { id_token?: unknown } | undefined;
      if (
        this.signIdTokensWithAnotherKey &&
        ctx.path === '/token' &&
        typeof body?.id_token === 'string'
      ) {
        ctx.body = { ...body, id_token: this.#resign(body.id_token) };
      }
    });
    this.#handler = provider.callback();
  }

  /** The same header and claims, signed by the key nobody published. */
  #resign(idToken: string): string {
    const [header, payload] = idToken.split('.');
    const signingInput = `${header}.${payload}`;
    const signature = sign('sha256', Buffer.from(signingInput), this.#otherKey.privateKey);
    return `${signingInput}.${signature.toString('base64url')}`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
