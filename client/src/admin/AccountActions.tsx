import type { PublicUser } from '@standpunt/shared';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useAction } from '../api/useAction';
import { resendInvitation, updateUser } from '../api/users';
import { useT } from '../i18n/useT';
import { Confirmation } from '../layout/Confirmation';
import { ErrorAlert } from '../layout/ErrorAlert';
import {
  ACCOUNT_CHANGES,
  accountChangesFor,
  canResendInvitation,
  type AccountChange,
} from './accountChanges';

interface AccountActionsProps {
  user: PublicUser;
  isSelf: boolean;
  /** The account as the server has it after a change, with the sentence that says so. */
  onUpdated: (user: PublicUser, message: string) => void;
  onMessage: (message: string) => void;
}

/**
 * The buttons of one account's row. A change is confirmed in place of the buttons; afterwards
 * focus goes to the button that took the place of the one pressed ("Deactiveren" becomes
 * "Heractiveren"), so that keyboard users stay where they were.
 */
export function AccountActions({ user, isSelf, onUpdated, onMessage }: AccountActionsProps) {
  const t = useT();
  const action = useAction();
  const resend = useAction();
  const [pending, setPending] = useState<AccountChange | null>(null);
  const [focusKind, setFocusKind] = useState<'active' | 'admin' | null>(null);
  const activeButton = useRef<HTMLButtonElement>(null);
  const adminButton = useRef<HTMLButtonElement>(null);
  const buttons = { active: activeButton, admin: adminButton };

  useEffect(() => {
    if (pending === null && focusKind) {
      buttons[focusKind].current?.focus();
      setFocusKind(null);
    }
  });

  const close = () => {
    if (pending) setFocusKind(ACCOUNT_CHANGES[pending].kind);
    action.setError(null);
    setPending(null);
  };

  if (pending) {
    const change = ACCOUNT_CHANGES[pending];
    const confirm = () =>
      action.run(async () => {
        const updated = await updateUser(user.id, change.patch);
        close();
        onUpdated(updated, t(change.done, { name: user.name }));
      });
    return (
      <Confirmation
        question={t(change.question, { name: user.name })}
        explanation={t(change.explanation, { name: user.name })}
        confirmLabel={t(change.confirm)}
        cancelLabel={t('accounts.confirm.cancel')}
        takesAway={change.takesAway}
        busy={action.busy}
        error={action.error}
        onConfirm={() => void confirm()}
        onCancel={close}
      />
    );
  }

  const sendInvitation = async () => {
    if (await resend.run(() => resendInvitation(user.id))) {
      onMessage(t('accounts.done.invited', { name: user.name, email: user.email }));
    }
  };

  return (
    <>
      <ButtonGroup className="standpunt-account-actions">
        {accountChangesFor(user, isSelf).map((change) => {
          const definition = ACCOUNT_CHANGES[change];
          return (
            <Button
              key={change}
              ref={buttons[definition.kind]}
              appearance="secondary-action-button"
              aria-label={t(definition.buttonLabel, { name: user.name })}
              onClick={() => setPending(change)}
            >
              {t(definition.button)}
            </Button>
          );
        })}
        {canResendInvitation(user) && (
          <Button
            appearance="secondary-action-button"
            aria-label={t('accounts.action.resendLabel', { name: user.name })}
            busy={resend.busy}
            disabled={resend.busy}
            onClick={() => void sendInvitation()}
          >
            {t('accounts.action.resend')}
          </Button>
        )}
      </ButtonGroup>
      <ErrorAlert message={resend.error} />
    </>
  );
}
