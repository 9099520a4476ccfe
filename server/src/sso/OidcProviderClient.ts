/**
 * Standpunt as a client of one OpenID Connect provider (openid-client): the authorization code
 * flow with PKCE, state and nonce. The provider's metadata is discovered at the first sign-in,
 * not at start, so that a provider that is down stops nobody but its own people.
 */
import * as oidc from 'openid-client';
import type { OidcProviderSettings } from './oidcProvidersFile.js';

/** What a sign-in needs the browser to bring back: kept in the flow cookie. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The claims of a verified ID token. */
export type IdTokenClaims = oidc.IDToken;

/** Seconds to wait for the provider on each request, before the sign-in counts as failed. */
const PROVIDER_TIMEOUT_SECONDS = 15;

export class OidcProviderClient {
  #configuration: Promise<oidc.Configuration> | undefined;

  constructor(
    readonly settings: OidcProviderSettings,
    /** The callback URL registered at the provider; read when needed, as the port may be. */
    private readonly redirectUri: () => string,
  ) {}

  /** Fresh random values for one sign-in. */
  static newChecks(): OidcChecks {
    return {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
  }

  /** Where to send the browser to begin a sign-in. */
  async authorizationUrl(checks: OidcChecks, loginHint?: string): Promise<URL> {
    const configuration = await this.configuration();
    const parameters: Record<string, string> = {
      redirect_uri: this.redirectUri(),
      scope: this.settings.scope,
      response_type: 'code',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    };
    if (loginHint) parameters.login_hint = loginHint;
    return oidc.buildAuthorizationUrl(configuration, parameters);
  }

  /**
   * Exchanges the code the callback brought for the tokens, and returns the ID token's claims
   * once its signature (against the provider's published keys), issuer, audience, expiry and
   * nonce have been checked. `query` is the callback's query string. Claims are read from the
   * ID token only: ADFS puts little in its userinfo answer.
   */
  async finish(query: URLSearchParams, checks: OidcChecks): Promise<IdTokenClaims> {
    const configuration = await this.configuration();
    const callbackUrl = new URL(this.redirectUri());
    callbackUrl.search = query.toString();
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the token response held no ID token');
    return claims;
  }

  /** The provider's discovered metadata; a failed discovery is tried again next time. */
  private configuration(): Promise<oidc.Configuration> {
    this.#configuration ??= this.discover().catch((error: unknown) => {
      this.#configuration = undefined;
      throw error;
    });
    return this.#configuration;
  }

  private discover(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    const execute = [
      // openid-client trusts an ID token from the token endpoint on TLS alone unless told to
      // check its signature too; a proxy or a mistaken certificate should not be enough.
      oidc.enableNonRepudiationChecks,
      // The providers file admits http:// only for a provider on this machine.
      ...(new URL(issuer).protocol === 'http:' ? [oidc.allowInsecureRequests] : []),
    ];
    return oidc.discovery(
      new URL(issuer),
      clientId,
      { client_secret: clientSecret },
      oidc.ClientSecretPost(clientSecret),
      { execute, timeout: PROVIDER_TIMEOUT_SECONDS },
    );
  }
}
