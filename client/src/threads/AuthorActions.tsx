import type { Thread } from '@standpunt/shared';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useT } from '../i18n/useT';
import { ThreadEditForm } from './ThreadEditForm';
import type { ThreadContext } from './threadContext';
import { WithdrawConfirmation } from './WithdrawConfirmation';

type Mode = 'idle' | 'editing' | 'withdrawing';

/** "Bewerken" and "Intrekken" for the author of an open thread. */
export function AuthorActions({ thread, context }: { thread: Thread; context: ThreadContext }) {
  const t = useT();
  const [mode, setMode] = useState<Mode>('idle');
  const editButton = useRef<HTMLButtonElement>(null);
  const withdrawButton = useRef<HTMLButtonElement>(null);

  const back = (focus: HTMLButtonElement | null) => {
    setMode('idle');
    requestAnimationFrame(() => focus?.focus());
  };

  if (mode === 'editing') {
    return (
      <ThreadEditForm thread={thread} context={context} onDone={() => back(editButton.current)} />
    );
  }
  if (mode === 'withdrawing') {
    return (
      <WithdrawConfirmation
        thread={thread}
        context={context}
        onCancel={() => back(withdrawButton.current)}
      />
    );
  }
  return (
    <ButtonGroup className="standpunt-thread-actions">
      <Button
        ref={editButton}
        type="button"
        appearance="subtle-button"
        onClick={() => setMode('editing')}
      >
        {t('threads.edit')}
      </Button>
      <Button
        ref={withdrawButton}
        type="button"
        appearance="subtle-button"
        onClick={() => setMode('withdrawing')}
      >
        {t('threads.withdraw')}
      </Button>
    </ButtonGroup>
  );
}
