import type { Thread } from '@standpunt/shared';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef } from 'react';
import { withdrawThread } from '../api/threads';
import { useT } from '../i18n/useT';
import { FormError } from './FormError';
import type { ThreadContext } from './threadContext';
import { useAction } from '../api/useAction';

interface WithdrawConfirmationProps {
  thread: Thread;
  context: ThreadContext;
  onCancel: () => void;
}

/** "Deze reactie intrekken?" — asked before the author withdraws. */
export function WithdrawConfirmation({ thread, context, onCancel }: WithdrawConfirmationProps) {
  const t = useT();
  const id = useId();
  const question = useRef<HTMLParagraphElement>(null);
  const action = useAction();

  useEffect(() => question.current?.focus(), []);

  const confirm = async () => {
    if (await action.run(() => withdrawThread(context.paperId, thread.id))) {
      context.onMessage(t('threads.withdraw.done'));
    }
  };

  return (
    <div
      role="group"
      aria-labelledby={`${id}-question`}
      className="standpunt-confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <Paragraph id={`${id}-question`} ref={question} tabIndex={-1}>
        {t('threads.withdraw.question')}
      </Paragraph>
      <FormError message={action.error} />
      <ButtonGroup>
        <Button
          type="button"
          appearance="primary-action-button"
          busy={action.busy}
          disabled={action.busy}
          onClick={() => void confirm()}
        >
          {t('threads.withdraw.confirm')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('threads.cancel')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
