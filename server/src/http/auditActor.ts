import type { AuditActor } from '@standpunt/shared';
import type { UserRecord } from '../storage/MetaStore.js';

export function auditActor(user: UserRecord): AuditActor {
  return { userId: user.id, name: user.name, municipality: user.municipality };
}
