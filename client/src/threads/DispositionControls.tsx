import type { Disposition, Thread } from '@standpunt/shared';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { disposeThread } from '../api/threads';
import { useT } from '../i18n/useT';
import { FormError } from './FormError';
import { TextareaField } from './TextareaField';
import type { ThreadActions } from './threadActions';
import type { ThreadContext } from './threadContext';
import { useAction } from '../api/useAction';

interface DispositionControlsProps {
  thread: Thread;
  actions: ThreadActions;
  context: ThreadContext;
}

const BUTTONS = [
  { status: 'accepted', label: 'threads.process.accept', allowed: 'accept' },
  { status: 'rejected', label: 'threads.process.reject', allowed: 'reject' },
  { status: 'resolved', label: 'threads.process.resolve', allowed: 'resolve' },
  { status: 'open', label: 'threads.process.reopen', allowed: 'reopen' },
] as const;

/**
 * For editors: accept (a suggestion is then applied to the text), reject with a rationale,
 * mark resolved, or reopen. A refusal — such as a suggestion whose text changed since — is
 * shown as the server explains it.
 */
export function DispositionControls({ thread, actions, context }: DispositionControlsProps) {
  const t = useT();
  const id = useId();
  const [rationale, setRationale] = useState('');
  const action = useAction();

  const dispose = async (status: Disposition) => {
    if (status === 'rejected' && rationale.trim() === '') {
      action.setError(t('threads.process.rationaleRequired'));
      return;
    }
    if (await action.run(() => disposeThread(context.paperId, thread.id, status, rationale))) {
      setRationale('');
      context.onMessage(t('threads.process.done', { status: t(`threads.status.${status}`) }));
    }
  };

  return (
    <fieldset
      className="standpunt-disposition"
      aria-describedby={action.error ? `${id}-error` : undefined}
    >
      <legend>{t('threads.process.label')}</legend>
      {actions.reject && (
        <TextareaField
          label={t('threads.process.rationale')}
          hint={t('threads.process.rationaleHint')}
          value={rationale}
          rows={2}
          onChange={(value) => {
            setRationale(value);
            action.setError(null);
          }}
        />
      )}
      <FormError id={`${id}-error`} message={action.error} />
      <ButtonGroup>
        {BUTTONS.filter((button) => actions[button.allowed]).map((button) => (
          <Button
            key={button.status}
            type="button"
            appearance={
              button.status === 'accepted' ? 'primary-action-button' : 'secondary-action-button'
            }
            disabled={action.busy}
            onClick={() => void dispose(button.status)}
          >
            {t(button.label)}
          </Button>
        ))}
      </ButtonGroup>
    </fieldset>
  );
}
