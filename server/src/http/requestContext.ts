import type { Request } from 'express';
import type { UserRecord } from '../storage/MetaStore.js';
import { HttpError } from './HttpError.js';

/** Set by the session middleware on every request from a signed-in user. */
export function currentUser(req: Request): UserRecord | null {
  return (req as Request & { user?: UserRecord }).user ?? null;
}

export function setCurrentUser(req: Request, user: UserRecord | null): void {
  (req as Request & { user?: UserRecord | null }).user = user;
}

/** The signed-in user, or a 401. */
export function requireUser(req: Request): UserRecord {
  const user = currentUser(req);
  if (!user) throw new HttpError('not_signed_in', 'Je bent niet ingelogd.');
  return user;
}

export function requireAdmin(req: Request): UserRecord {
  const user = requireUser(req);
  if (!user.admin) throw new HttpError('forbidden', 'Alleen beheerders mogen dit.');
  return user;
}
