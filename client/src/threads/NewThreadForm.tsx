import type { Thread } from '@standpunt/shared';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createThread } from '../api/threads';
import { useT } from '../i18n/useT';
import { FormError } from './FormError';
import { TextareaField } from './TextareaField';
import type { ThreadDraft } from './threadDraft';
import { useAction } from './useAction';

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
      {suggestion && (
        <TextareaField
          ref={first}
          label={t('threads.new.replacement')}
          hint={draft.quote ? t('threads.new.replacementHint') : t('threads.new.insertionHint')}
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
          {t('threads.new.submit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('threads.new.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
