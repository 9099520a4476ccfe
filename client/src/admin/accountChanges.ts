import type { PatchUserRequest, PublicUser } from '@standpunt/shared';
import type { MessageKey } from '../i18n/nl';

/** What an admin can change about an account from its row, each after a confirmation. */
export type AccountChange = 'deactivate' | 'reactivate' | 'makeAdmin' | 'revokeAdmin';

interface AccountChangeText {
  /** The row's button, and its accessible name with the person's name in it. */
  button: MessageKey;
  buttonLabel: MessageKey;
  question: MessageKey;
  explanation: MessageKey;
  confirm: MessageKey;
  /** The status message once done. */
  done: MessageKey;
}

interface AccountChangeDefinition extends AccountChangeText {
  patch: PatchUserRequest;
  /** Which of the row's two buttons it is: the other change of its kind takes its place. */
  kind: 'active' | 'admin';
  /** Whether it takes something away, which the confirmation marks as such. */
  takesAway: boolean;
}

export const ACCOUNT_CHANGES: Record<AccountChange, AccountChangeDefinition> = {
  deactivate: {
    patch: { active: false },
    kind: 'active',
    takesAway: true,
    button: 'accounts.action.deactivate',
    buttonLabel: 'accounts.action.deactivateLabel',
    question: 'accounts.confirm.deactivate',
    explanation: 'accounts.confirm.deactivateBody',
    confirm: 'accounts.confirm.deactivateYes',
    done: 'accounts.done.deactivated',
  },
  reactivate: {
    patch: { active: true },
    kind: 'active',
    takesAway: false,
    button: 'accounts.action.reactivate',
    buttonLabel: 'accounts.action.reactivateLabel',
    question: 'accounts.confirm.reactivate',
    explanation: 'accounts.confirm.reactivateBody',
    confirm: 'accounts.confirm.reactivateYes',
    done: 'accounts.done.reactivated',
  },
  makeAdmin: {
    patch: { admin: true },
    kind: 'admin',
    takesAway: false,
    button: 'accounts.action.makeAdmin',
    buttonLabel: 'accounts.action.makeAdminLabel',
    question: 'accounts.confirm.makeAdmin',
    explanation: 'accounts.confirm.makeAdminBody',
    confirm: 'accounts.confirm.makeAdminYes',
    done: 'accounts.done.admin',
  },
  revokeAdmin: {
    patch: { admin: false },
    kind: 'admin',
    takesAway: true,
    button: 'accounts.action.revokeAdmin',
    buttonLabel: 'accounts.action.revokeAdminLabel',
    question: 'accounts.confirm.revokeAdmin',
    explanation: 'accounts.confirm.revokeAdminBody',
    confirm: 'accounts.confirm.revokeAdminYes',
    done: 'accounts.done.notAdmin',
  },
};

/**
 * The changes the row of `user` offers. None on one's own row: nobody deactivates themself
 * or gives up their own admin rights (the server refuses it too) — another admin does that.
 */
export function accountChangesFor(user: PublicUser, isSelf: boolean): AccountChange[] {
  if (isSelf) return [];
  return [user.active ? 'deactivate' : 'reactivate', user.admin ? 'revokeAdmin' : 'makeAdmin'];
}

/** Whether the row offers to send the invitation again: only a waiting, active invitation. */
export function canResendInvitation(user: PublicUser): boolean {
  return user.active && user.signIn === 'invited';
}
