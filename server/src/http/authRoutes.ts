import { Router } from 'express';
import { loginRequestSchema } from '@standpunt/shared';
import { LoginThrottle } from '../auth/LoginThrottle.js';
import { decoyPasswordHash, verifyPassword } from '../auth/password.js';
import { SESSION_COOKIE } from '../auth/SessionService.js';
import { auditActor } from './auditActor.js';
import type { AppContext } from './AppContext.js';
import { HttpError } from './HttpError.js';
import { currentUser, requireUser } from './requestContext.js';
import { toPublicUser } from './toPublic.js';

export function authRoutes({ meta, sessions, config, audit }: AppContext): Router {
  const router = Router();
  const throttle = new LoginThrottle(config.loginMaxFailures, config.loginWindowMs);

  router.post('/login', async (req, res) => {
    const { email, password } = loginRequestSchema.parse(req.body);
    const ip = req.socket.remoteAddress ?? '';
    const keys = [`email:${email}`, `ip:${ip}`];
    const waitMs = throttle.retryAfterMs(keys);
    if (waitMs > 0) {
      await audit.record(
        { type: 'auth.login_failed', email, reason: 'throttled' },
        { actor: null, ip },
      );
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
    if (!user || !valid) {
      throttle.recordFailure(keys);
      await audit.record(
        { type: 'auth.login_failed', email, reason: 'credentials' },
        { actor: null, ip },
      );
      throw new HttpError('invalid_credentials', 'Onjuist e-mailadres of wachtwoord.');
    }
    throttle.clear(`email:${email}`);
    const token = await sessions.start(user.id);
    await audit.record({ type: 'auth.login', email }, { actor: auditActor(user), ip });
    res.cookie(SESSION_COOKIE, token, sessions.cookieOptions());
    res.json({ user: toPublicUser(user) });
  });

  router.post('/logout', async (req, res) => {
    const token = sessions.tokenFrom(req);
    const user = currentUser(req);
    if (token) await sessions.end(token);
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
