import type { Thread } from '@standpunt/shared';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { editThread } from '../api/threads';
import { useT } from '../i18n/useT';
import { FormError } from './FormError';
import { TextareaField } from './TextareaField';
import type { ThreadContext } from './threadContext';
import { useAction } from './useAction';

interface ThreadEditFormProps {
  thread: Thread;
  context: ThreadContext;
  onDone: () => void;
}

/** The author changes the text of their open thread (and the proposal of a suggestion). */
export function ThreadEditForm({ thread, context, onDone }: ThreadEditFormProps) {
  const t = useT();
  const id = useId();
  const first = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(thread.body);
  const [replacement, setReplacement] = useState(thread.replacement ?? '');
  const action = useAction();
  const suggestion = thread.kind === 'suggestion';

  useEffect(() => first.current?.focus(), []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (body.trim() === '') {
      action.setError(t('threads.new.emptyBody'));
      return;
    }
    const changes = suggestion ? { body, replacement } : { body };
    if (await action.run(() => editThread(context.paperId, thread.id, changes))) {
      context.onMessage(t('threads.edit.saved'));
      onDone();
    }
  };

  return (
    <form
      className="standpunt-thread-form"
      noValidate
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone();
        }
      }}
    >
      {suggestion && (
        <TextareaField
          ref={first}
          label={t('threads.new.replacement')}
          hint={thread.quote ? t('threads.new.replacementHint') : t('threads.new.insertionHint')}
          value={replacement}
          onChange={setReplacement}
        />
      )}
      <TextareaField
        ref={suggestion ? undefined : first}
        label={t('threads.new.body')}
        value={body}
        invalid={action.error !== null}
        errorId={`${id}-error`}
        onChange={(value) => {
          setBody(value);
          action.setError(null);
        }}
      />
      <FormError id={`${id}-error`} message={action.error} />
      <ButtonGroup>
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={action.busy}
          disabled={action.busy}
        >
          {t('threads.edit.save')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onDone}>
          {t('threads.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
