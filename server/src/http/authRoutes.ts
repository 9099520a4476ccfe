import { Router } from 'express';
import { loginRequestSchema } from '@standpunt/shared';
import type { LoginThrottle } from '../auth/LoginThrottle.js';
import { decoyPasswordHash, verifyPassword } from '../auth/password.js';
import { hashToken, SESSION_COOKIE } from '../auth/SessionService.js';
import { auditActor } from './auditActor.js';
import { clientAddressOf } from './clientAddress.js';
import type { AppContext } from './AppContext.js';
import { HttpError } from './HttpError.js';
import { currentUser, requireUser } from './requestContext.js';
import { toPublicUser } from './toPublic.js';

export function authRoutes(context: AppContext): Router {
  const { meta, sessions, config, audit, loginThrottle } = context;
  const router = Router();
  const clientAddress = clientAddressOf(config.trustProxy);
  router.post('/login', async (req, res) => {
    const { email, password } = loginRequestSchema.parse(req.body);
    const ip = clientAddress(req);
    let attempt: Awaited<ReturnType<LoginThrottle['begin']>>;
    try {
      attempt = await loginThrottle.begin({ email, address: ip });
    } catch (error) {
      // Without the shared count (Redis out of reach) nobody is let in: letting everyone in
      // would leave passwords open to guessing for as long as it lasts.
      config.log(`login throttle: ${String(error)}`);
      throw new HttpError(
        'unavailable',
        'Inloggen lukt nu even niet. Probeer het over een minuut opnieuw.',
      );
    }
    if ('retryAfterMs' in attempt) {
      const waitMs = attempt.retryAfterMs;
      context.throttledAttempts.note(email, ip);
      const minutes = Math.ceil(waitMs / 60_000);
      throw new HttpError(
        'too_many_requests',
        `Te veel mislukte inlogpogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
        { 'Retry-After': String(Math.ceil(waitMs / 1000)) },
      );
    }
    const user = await meta.findUserByEmail(email);
    // Check a decoy hash for unknown addresses so response time does not reveal accounts.
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
    if (user && valid && !user.active) {
      await audit.record(
        { type: 'auth.login_failed', email, reason: 'inactive' },
        { actor: null, ip },
      );
      throw new HttpError(
        'forbidden',
        'Dit account is gedeactiveerd. Neem contact op met de beheerder van Standpunt.',
      );
    }
    if (!user || !valid) {
      await audit.record(
        { type: 'auth.login_failed', email, reason: 'credentials' },
        { actor: null, ip },
      );
      throw new HttpError('invalid_credentials', 'Onjuist e-mailadres of wachtwoord.');
    }
    // Should this fail, the attempts before stay counted until their window passes.
    await attempt
      .succeeded()
      .catch((error: unknown) => config.log(`login throttle: ${String(error)}`));
    const token = await sessions.start(user.id);
    await audit.record({ type: 'auth.login', email }, { actor: auditActor(user), ip });
    res.cookie(SESSION_COOKIE, token, sessions.cookieOptions());
    res.json({ user: toPublicUser(user) });
  });

  router.post('/logout', async (req, res) => {
    const token = sessions.tokenFrom(req);
    const user = currentUser(req);
    if (token) {
      await sessions.end(token);
      // The sockets of this browser close too: signed out means out everywhere here.
      await context.signedOut({ session: hashToken(token) });
    }
    if (user) await audit.record({ type: 'auth.logout' }, { actor: auditActor(user) });
    const { maxAge: _maxAge, ...options } = sessions.cookieOptions();
    res.clearCookie(SESSION_COOKIE, options);
    res.status(204).end();
  });

  router.get('/me', (req, res) => {
    res.json({ user: toPublicUser(requireUser(req)) });
  });

  return router;
}
