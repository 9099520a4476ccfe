import type { Thread } from '@standpunt/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createThread } from '../api/threads';
import { useT } from '../i18n/useT';
import { ThreadTextFields } from './ThreadTextFields';
import type { ThreadDraft } from './threadDraft';
import { useAction } from '../api/useAction';

interface NewThreadFormProps {
  paperId: string;
  draft: ThreadDraft;
  onPlaced: (thread: Thread) => void;
  onCancel: () => void;
}

const TITLES = {
  comment: 'threads.new.titleComment',
  suggestion: 'threads.new.titleSuggestion',
  wholePaper: 'threads.new.titleWholePaper',
} as const;

/** "Plaatsen": a comment or a text suggestion on what was selected, or on the whole paper. */
export function NewThreadForm({ paperId, draft, onPlaced, onCancel }: NewThreadFormProps) {
  const t = useT();
  const id = useId();
  const first = useRef<HTMLTextAreaElement>(null);
  const suggestion = draft.kind === 'suggestion';
  const [replacement, setReplacement] = useState(draft.quote);
  const [body, setBody] = useState('');
  const action = useAction();

  useEffect(() => first.current?.focus(), [draft]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (body.trim() === '') {
      action.setError(t('threads.new.emptyBody'));
      return;
    }
    const result: { thread?: Thread } = {};
    const ok = await action.run(async () => {
      result.thread = await createThread(paperId, {
        kind: draft.kind,
        anchor: draft.anchor,
        quote: draft.quote,
        body,
        ...(suggestion ? { replacement } : {}),
      });
    });
    if (ok && result.thread) onPlaced(result.thread);
  };

  return (
    <form
      className="standpunt-new-thread"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <h3 id={`${id}-title`} className="standpunt-new-thread__title">
        {t(draft.anchor ? TITLES[draft.kind] : TITLES.wholePaper)}
      </h3>
      {draft.anchor &&
        (draft.quote ? (
          <figure className="standpunt-new-thread__quote">
            <figcaption>{t('threads.new.quote')}</figcaption>
            <blockquote>{draft.quote}</blockquote>
          </figure>
        ) : (
          <Paragraph>{t('threads.new.insertionAt', { before: draft.before })}</Paragraph>
        ))}
      <ThreadTextFields
        suggestion={suggestion}
        quote={draft.quote}
        replacement={replacement}
        onReplacementChange={setReplacement}
        body={body}
        onBodyChange={setBody}
        action={action}
        firstField={first}
        errorId={`${id}-error`}
        submitLabel={t('threads.new.submit')}
        cancelLabel={t('threads.new.cancel')}
        onCancel={onCancel}
      />
    </form>
  );
}
