/**
 * Getting into one's account without an administrator (DESIGN.md, "Reaching every
 * municipality"): the invitation, the password reset, one's own password and sessions. Mounted
 * under `/api/auth`.
 */
import { Router, type Request, type Response } from 'express';
import {
  invitationAcceptSchema,
  passwordChangeSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  tokenCheckSchema,
  type TokenHolder,
} from '@standpunt/shared';
import { hashToken, SESSION_COOKIE } from '../auth/SessionService.js';
import { verifyPassword } from '../auth/password.js';
import type { LinkCheck } from '../accounts/AccountLinks.js';
import type { AccountTokenPurpose, UserRecord } from '../storage/MetaStore.js';
import { auditActor } from './auditActor.js';
import { clientAddressOf } from './clientAddress.js';
import type { AppContext } from './AppContext.js';
import { HttpError } from './HttpError.js';
import { requireUser } from './requestContext.js';
import { toPublicUser } from './toPublic.js';
import { acceptablePasswordHash } from './usersRoutes.js';

/**
 * A reset request is answered this long after it arrived, whatever happened: whether a mail
 * was written must not show in the time the answer takes.
 */
const RESET_ANSWER_MS = 600;

const GONE: Record<AccountTokenPurpose, string> = {
  invitation:
    'Deze uitnodiging is al gebruikt, vervangen door een nieuwere of verlopen. Vraag uw beheerder om een nieuwe, of kies "Wachtwoord vergeten?" op de inlogpagina.',
  reset:
    'Deze link is al gebruikt, vervangen door een nieuwere of verlopen. Vraag op de inlogpagina via "Wachtwoord vergeten?" een nieuwe aan.',
};

function userOf(check: LinkCheck, purpose: AccountTokenPurpose): UserRecord {
  if ('refused' in check) throw new HttpError('gone', GONE[purpose]);
  return check.user;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function accountRoutes(context: AppContext): Router {
  const { meta, sessions, links, audit, config, resetThrottle } = context;
  const router = Router();
  const clientAddress = clientAddressOf(config.trustProxy);

  /** Signs the account in on this browser, ending every other session of it. */
  async function signInAlone(res: Response, user: UserRecord): Promise<void> {
    const token = await sessions.start(user.id);
    const session = hashToken(token);
    await meta.removeSessionsOf(user.id, session);
    await context.signedOut({ userId: user.id, exceptSession: session });
    res.cookie(SESSION_COOKIE, token, sessions.cookieOptions());
  }

  function holder(user: UserRecord): TokenHolder {
    return { email: user.email, name: user.name };
  }

  for (const [path, purpose] of [
    ['/invitation/check', 'invitation'],
    ['/password-reset/check', 'reset'],
  ] as const) {
    router.post(path, async (req, res) => {
      const { token } = tokenCheckSchema.parse(req.body);
      res.json(holder(userOf(await links.check(token, purpose), purpose)));
    });
  }

  router.post('/invitation', async (req, res) => {
    const { token, password } = invitationAcceptSchema.parse(req.body);
    // Checked before it is used up: a password the policy refuses leaves the link working.
    const invited = userOf(await links.check(token, 'invitation'), 'invitation');
    const passwordHash = await acceptablePasswordHash(password, invited.email);
    const user = userOf(await links.use(token, 'invitation'), 'invitation');
    const updated = await meta.updateUser(user.id, { passwordHash });
    await signInAlone(res, updated);
    await audit.record(
      { type: 'auth.invitation_accepted', email: updated.email },
      { actor: auditActor(updated), ip: clientAddress(req) },
    );
    res.json({ user: toPublicUser(updated) });
  });

  router.post('/password-reset', async (req, res) => {
    const started = Date.now();
    const { email } = passwordResetRequestSchema.parse(req.body);
    const ip = clientAddress(req);
    const attempt = await resetThrottle.begin({ email, address: ip }).catch((error: unknown) => {
      config.log(`reset throttle: ${String(error)}`);
      throw new HttpError(
        'unavailable',
        'Dit lukt nu even niet. Probeer het over een minuut opnieuw.',
      );
    });
    if ('retryAfterMs' in attempt) {
      const minutes = Math.ceil(attempt.retryAfterMs / 60_000);
      throw new HttpError(
        'too_many_requests',
        `Er is te vaak om een nieuw wachtwoord gevraagd. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
        { 'Retry-After': String(Math.ceil(attempt.retryAfterMs / 1000)) },
      );
    }
    const user = await meta.findUserByEmail(email);
    // Accounts that sign in only through their municipality have no password to reset.
    const known = Boolean(user?.active && !(user.sso && user.passwordHash === null));
    if (user && known) await links.send(user, 'reset');
    await audit.record(
      { type: 'auth.password_reset_requested', email, known },
      { actor: null, ip },
    );
    await sleep(Math.max(0, started + RESET_ANSWER_MS - Date.now()));
    res.status(202).json({});
  });

  router.post('/password-reset/confirm', async (req, res) => {
    const { token, password } = passwordResetConfirmSchema.parse(req.body);
    const holder = userOf(await links.check(token, 'reset'), 'reset');
    const passwordHash = await acceptablePasswordHash(password, holder.email);
    const user = userOf(await links.use(token, 'reset'), 'reset');
    const updated = await meta.updateUser(user.id, { passwordHash });
    await signInAlone(res, updated);
    await audit.record(
      { type: 'auth.password_reset', email: updated.email },
      { actor: auditActor(updated), ip: clientAddress(req) },
    );
    res.json({ user: toPublicUser(updated) });
  });

  router.put('/password', async (req, res) => {
    const user = requireUser(req);
    const { current, password } = passwordChangeSchema.parse(req.body);
    if (user.passwordHash === null || !(await verifyPassword(current, user.passwordHash))) {
      throw new HttpError('forbidden', 'Uw huidige wachtwoord klopt niet.');
    }
    const passwordHash = await acceptablePasswordHash(password, user.email);
    await meta.updateUser(user.id, { passwordHash });
    const session = await currentSession(req);
    await meta.removeSessionsOf(user.id, session);
    await context.signedOut({ userId: user.id, exceptSession: session });
    await audit.record(
      { type: 'auth.password_changed', email: user.email },
      { actor: auditActor(user), ip: clientAddress(req) },
    );
    res.status(204).end();
  });

  async function currentSession(req: Request): Promise<string> {
    const signIn = await sessions.signInFrom(req);
    if (!signIn) throw new HttpError('not_signed_in', 'Je bent niet ingelogd.');
    return signIn.session;
  }

  router.get('/sessions', async (req, res) => {
    const user = requireUser(req);
    res.json(await sessions.sessionsOf(user.id, await currentSession(req)));
  });

  router.delete('/sessions/:id', async (req, res) => {
    const user = requireUser(req);
    const session = await sessions.findSessionOf(user.id, req.params.id);
    if (!session) throw new HttpError('not_found', 'Deze sessie bestaat niet (meer).');
    await meta.removeSession(session);
    await context.signedOut({ session });
    res.status(204).end();
  });

  return router;
}
