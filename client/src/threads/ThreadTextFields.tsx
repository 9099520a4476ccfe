import { Button, ButtonGroup } from '@utrecht/component-library-react';
import type { RefObject } from 'react';
import { useT } from '../i18n/useT';
import { FormError } from './FormError';
import { TextareaField } from './TextareaField';
import type { Action } from '../api/useAction';

interface ThreadTextFieldsProps {
  /** Whether to ask for the proposed text too. */
  suggestion: boolean;
  /** The anchored text: empty for an insertion point. */
  quote: string;
  replacement: string;
  onReplacementChange: (value: string) => void;
  body: string;
  onBodyChange: (value: string) => void;
  action: Action;
  /** Gets the first field, to focus it when the form opens. */
  firstField: RefObject<HTMLTextAreaElement | null>;
  errorId: string;
  submitLabel: string;
  cancelLabel: string;
  onCancel: () => void;
}

/** The fields and buttons a new thread and an edited one share. */
export function ThreadTextFields(props: ThreadTextFieldsProps) {
  const t = useT();
  const { suggestion, action, firstField, errorId } = props;
  return (
    <>
      {suggestion && (
        <TextareaField
          ref={firstField}
          label={t('threads.new.replacement')}
          hint={props.quote ? t('threads.new.replacementHint') : t('threads.new.insertionHint')}
          value={props.replacement}
          onChange={props.onReplacementChange}
        />
      )}
      <TextareaField
        ref={suggestion ? undefined : firstField}
        label={t('threads.new.body')}
        value={props.body}
        invalid={action.error !== null}
        errorId={errorId}
        onChange={(value) => {
          props.onBodyChange(value);
          action.setError(null);
        }}
      />
      <FormError id={errorId} message={action.error} />
      <ButtonGroup>
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={action.busy}
          disabled={action.busy}
        >
          {props.submitLabel}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={props.onCancel}>
          {props.cancelLabel}
        </Button>
      </ButtonGroup>
    </>
  );
}
