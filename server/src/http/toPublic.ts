import type { PaperRole, PaperSummary, PublicUser, SignInMethod } from '@standpunt/shared';
import type { PaperRecord, UserRecord } from '../storage/MetaStore.js';

export function signInMethodOf(user: UserRecord): SignInMethod {
  if (user.passwordHash !== null) return 'password';
  return user.sso ? 'sso' : 'invited';
}

/** An account without its password hash. */
export function toPublicUser(user: UserRecord): PublicUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    municipality: user.municipality,
    admin: user.admin,
    active: user.active,
    signIn: signInMethodOf(user),
    createdAt: user.createdAt,
  };
}

export function toPaperSummary(paper: PaperRecord, myRole: PaperRole | null): PaperSummary {
  return { ...paper, myRole };
}
