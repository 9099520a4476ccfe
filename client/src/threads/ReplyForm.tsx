import type { Thread } from '@standpunt/shared';
import { Button } from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { replyToThread } from '../api/threads';
import { useT } from '../i18n/useT';
import { FormError } from './FormError';
import { TextareaField } from './TextareaField';
import type { ThreadContext } from './threadContext';
import { useAction } from '../api/useAction';

/** "Antwoord": a reply to a thread. */
export function ReplyForm({ thread, context }: { thread: Thread; context: ThreadContext }) {
  const t = useT();
  const id = useId();
  const [body, setBody] = useState('');
  const action = useAction();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (body.trim() === '') {
      action.setError(t('threads.new.emptyBody'));
      return;
    }
    if (await action.run(() => replyToThread(context.paperId, thread.id, body))) {
      setBody('');
      context.onMessage(t('threads.reply.sent'));
    }
  };

  return (
    <form className="standpunt-thread-form" noValidate onSubmit={onSubmit}>
      <TextareaField
        label={t('threads.reply.label')}
        value={body}
        rows={2}
        invalid={action.error !== null}
        errorId={`${id}-error`}
        onChange={(value) => {
          setBody(value);
          action.setError(null);
        }}
      />
      <FormError id={`${id}-error`} message={action.error} />
      <Button
        type="submit"
        appearance="secondary-action-button"
        busy={action.busy}
        disabled={action.busy}
      >
        {t('threads.reply.submit')}
      </Button>
    </form>
  );
}
