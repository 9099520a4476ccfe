import type { PaperRole, PaperSummary, PublicUser } from '@standpunt/shared';
import type { PaperRecord, UserRecord } from '../storage/MetaStore.js';

/** An account without its password hash. */
export function toPublicUser(user: UserRecord): PublicUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    municipality: user.municipality,
    admin: user.admin,
    createdAt: user.createdAt,
  };
}

export function toPaperSummary(paper: PaperRecord, myRole: PaperRole | null): PaperSummary {
  return { ...paper, myRole };
}
