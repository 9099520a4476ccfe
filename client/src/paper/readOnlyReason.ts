import { canEditText, type Actor, type Phase } from '@standpunt/shared';
import type { MessageKey } from '../i18n/nl';

/** Why someone may read a paper's text but not change it. */
export type ReadOnlyReason =
  | 'vastgesteld'
  | 'ingetrokken'
  | 'voorgedragen'
  | 'commenter'
  | 'reader'
  | 'notMemberConsultation'
  | 'notMember';

/**
 * The reason the text is read-only for `actor` in `phase`, or null when they may edit it. The
 * phase comes first: once a paper is proposed or closed, a role no longer explains anything.
 */
export function readOnlyReason(actor: Actor, phase: Phase): ReadOnlyReason | null {
  if (canEditText(actor, phase)) return null;
  if (phase === 'vastgesteld' || phase === 'ingetrokken' || phase === 'voorgedragen') return phase;
  switch (actor.role) {
    case 'commenter':
      return 'commenter';
    case 'reader':
      return 'reader';
    case null:
      return phase === 'consultatie' ? 'notMemberConsultation' : 'notMember';
    case 'editor':
    case 'writer':
      // canEditText lets editors and writers edit in concept and consultatie.
      throw new Error(`An ${actor.role} may edit in ${phase}`);
    default:
      return exhaustive(actor.role);
  }
}

export const READ_ONLY_MESSAGES: Record<ReadOnlyReason, MessageKey> = {
  vastgesteld: 'readOnly.vastgesteld',
  ingetrokken: 'readOnly.ingetrokken',
  voorgedragen: 'readOnly.voorgedragen',
  commenter: 'readOnly.commenter',
  reader: 'readOnly.reader',
  notMemberConsultation: 'readOnly.notMemberConsultation',
  notMember: 'readOnly.notMember',
};

function exhaustive(value: never): never {
  throw new Error(`Unhandled role: ${String(value)}`);
}
