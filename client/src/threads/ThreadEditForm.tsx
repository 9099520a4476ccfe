import type { Thread } from '@standpunt/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { editThread } from '../api/threads';
import { useT } from '../i18n/useT';
import { ThreadTextFields } from './ThreadTextFields';
import type { ThreadContext } from './threadContext';
import { useAction } from '../api/useAction';

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
      <ThreadTextFields
        suggestion={suggestion}
        quote={thread.quote}
        replacement={replacement}
        onReplacementChange={setReplacement}
        body={body}
        onBodyChange={setBody}
        action={action}
        firstField={first}
        errorId={`${id}-error`}
        submitLabel={t('threads.edit.save')}
        cancelLabel={t('threads.cancel')}
        onCancel={onDone}
      />
    </form>
  );
}
