/**
 * Signing in through a municipality's own OpenID Connect provider (under /api/auth):
 *
 * - `GET /providers`: the providers, for the login page's buttons;
 * - `GET /oidc/:provider/start`: sends the browser to the provider;
 * - `GET /oidc/:provider/callback`: where the provider sends it back; starts a session as
 *   `POST /login` does and goes on into the app.
 *
 * The browser arrives at both routes by navigation, not by the app's fetch: every answer is a
 * redirect, and every failure one to the login page with a fixed reason (see SSO_FAILURES),
 * never a provider's own words or a stack trace. No token is logged or put on the audit trail.
 */
import { timingSafeEqual } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import { Router, type Request, type Response } from 'express';
import type { SsoAccountRefusal, SsoFailure, SsoProviderSummary } from '@standpunt/shared';
import { SESSION_COOKIE } from '../auth/SessionService.js';
import { classifyOidcError } from '../sso/classifyOidcError.js';
import {
  OIDC_FLOW_COOKIE,
  OIDC_FLOW_TTL_MS,
  openOidcFlow,
  sealOidcFlow,
} from '../sso/oidcFlowCookie.js';
import {
  loginHintOf,
  loginPageWithFailure,
  oidcCookiePath,
  oidcRedirectUri,
  safeReturnPath,
} from '../sso/oidcPaths.js';
import { OidcProviderClient } from '../sso/OidcProviderClient.js';
import { ssoAccount } from '../sso/ssoAccount.js';
import { identityFromClaims } from '../sso/ssoIdentity.js';
import { publicLink } from '../mail/mailSettings.js';
import { auditActor } from './auditActor.js';
import type { AppContext } from './AppContext.js';
import { clientAddressOf } from './clientAddress.js';

function sameText(a: string | null, b: string): boolean {
  if (a === null) return false;
  const [left, right] = [Buffer.from(a), Buffer.from(b)];
  return left.length === right.length && timingSafeEqual(left, right);
}

export function ssoRoutes({ meta, sessions, config, audit }: AppContext): Router {
  const router = Router();
  const clientAddress = clientAddressOf(config.trustProxy);
  const clients = new Map(
    config.oidcProviders.map((settings) => [
      settings.id,
      // The public URL is read on each use: a test server learns its port only at listen.
      new OidcProviderClient(settings, () => oidcRedirectUri(config.publicUrl, settings.id)),
    ]),
  );

  const flowCookieOptions = () => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
    path: oidcCookiePath(config.publicUrl),
  });

  const toLogin = (res: Response, failure: SsoFailure) => {
    res.redirect(302, loginPageWithFailure(config.publicUrl, failure));
  };

  const refuse = (res: Response, provider: string, failure: SsoFailure, why: string) => {
    config.log(`single sign-on through "${provider}" refused (${failure}): ${why}`);
    toLogin(res, failure);
  };

  router.get('/providers', (_req, res) => {
    const providers: SsoProviderSummary[] = config.oidcProviders.map(
      ({ id, name, emailDomains }) => ({ id, name, emailDomains }),
    );
    res.json(providers);
  });

  router.get('/oidc/:provider/start', async (req, res) => {
    const client = clients.get(req.params.provider);
    if (!client) return toLogin(res, 'unknown_provider');
    const checks = OidcProviderClient.newChecks();
    let authorizationUrl: URL;
    try {
      authorizationUrl = await client.authorizationUrl(checks, loginHintOf(req.query.login_hint));
    } catch (error) {
      const { failure, description } = classifyOidcError(error);
      return refuse(res, client.settings.id, failure, description);
    }
    const flow = {
      provider: client.settings.id,
      ...checks,
      returnTo: safeReturnPath(req.query.returnTo),
      expiresAt: Date.now() + OIDC_FLOW_TTL_MS,
    };
    res.cookie(OIDC_FLOW_COOKIE, sealOidcFlow(flow, client.settings.clientSecret), {
      ...flowCookieOptions(),
      maxAge: OIDC_FLOW_TTL_MS,
    });
    res.redirect(302, authorizationUrl.href);
  });

  router.get('/oidc/:provider/callback', async (req, res) => {
    // A flow is answered once: whatever happens next, the browser forgets it.
    res.clearCookie(OIDC_FLOW_COOKIE, flowCookieOptions());
    const client = clients.get(req.params.provider);
    if (!client) return toLogin(res, 'unknown_provider');
    try {
      await finishSignIn(req, res, client);
    } catch (error) {
      // The store or the audit trail failed: still a way back for the person, not a 500.
      refuse(res, client.settings.id, 'failed', String((error as Error)?.stack ?? error));
    }
  });

  async function finishSignIn(req: Request, res: Response, client: OidcProviderClient) {
    const { settings } = client;
    const ip = clientAddress(req);
    const query = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
    const sealed = parseCookies(req.headers.cookie ?? '')[OIDC_FLOW_COOKIE];
    const flow = openOidcFlow(sealed, settings.id, settings.clientSecret);
    if (!flow) return refuse(res, settings.id, 'flow_invalid', 'no sign-in under way here');
    if (!sameText(query.get('state'), flow.state)) {
      return refuse(res, settings.id, 'flow_invalid', 'the state is not the one sent');
    }

    let claims: Awaited<ReturnType<OidcProviderClient['finish']>>;
    try {
      claims = await client.finish(query, flow);
    } catch (error) {
      const { failure, description } = classifyOidcError(error);
      return refuse(res, settings.id, failure, description);
    }

    const provider = { provider: settings.id, providerName: settings.name };
    const refuseAccount = async (reason: SsoAccountRefusal, email: string | null) => {
      await audit.record(
        { type: 'auth.sso_refused', email, ...provider, reason },
        { actor: null, ip },
      );
      // Who it was is on the audit trail, not in the log.
      refuse(res, settings.id, reason, 'the provider vouched for the person; see the audit trail');
    };
    const identity = identityFromClaims(claims, settings);
    if ('refused' in identity) return refuseAccount(identity.refused, identity.email);
    const account = await ssoAccount(meta, identity.identity);
    if ('refused' in account) return refuseAccount(account.refused, identity.identity.email);

    const { user } = account;
    if (account.created) {
      await audit.record(
        {
          type: 'user.created_by_sso',
          userId: user.id,
          email: user.email,
          municipality: user.municipality,
          ...provider,
        },
        { actor: auditActor(user), ip },
      );
    }
    const token = await sessions.start(user.id);
    await audit.record(
      { type: 'auth.sso_login', email: user.email, ...provider },
      { actor: auditActor(user), ip },
    );
    res.cookie(SESSION_COOKIE, token, sessions.cookieOptions());
    res.redirect(302, publicLink(config.publicUrl, flow.returnTo));
  }

  return router;
}
