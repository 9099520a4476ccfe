import { PAPER_ROLES, type PaperRole } from '@standpunt/shared';
import type { MessageKey } from '../i18n/nl';

/** Paper roles in the order people read them: most rights first. */
export const ROLE_ORDER: readonly PaperRole[] = PAPER_ROLES;

export const ROLE_LABELS: Record<PaperRole, MessageKey> = {
  editor: 'role.editor',
  writer: 'role.writer',
  commenter: 'role.commenter',
  reader: 'role.reader',
};

/** Members by role (editors first), then by name. */
export function sortMembers<T extends { role: PaperRole; name: string }>(
  members: readonly T[],
): T[] {
  return [...members].sort(
    (a, b) =>
      ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name, 'nl'),
  );
}
