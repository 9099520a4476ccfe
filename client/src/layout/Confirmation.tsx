import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef } from 'react';
import { ErrorAlert } from './ErrorAlert';

interface ConfirmationProps {
  question: string;
  explanation: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Marks a confirmation that takes something away (red edge). */
  takesAway?: boolean;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A question asked in place before an act ("Anna de Vries deactiveren?"): focused when it
 * appears, so that it is read out; Escape or "Annuleren" goes back.
 */
export function Confirmation({
  question,
  explanation,
  confirmLabel,
  cancelLabel,
  takesAway = false,
  busy,
  error,
  onConfirm,
  onCancel,
}: ConfirmationProps) {
  const id = useId();
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => questionRef.current?.focus(), []);

  return (
    <div
      role="group"
      aria-labelledby={`${id}-question`}
      aria-describedby={`${id}-explanation`}
      className="standpunt-confirm"
      data-final={takesAway || undefined}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <Paragraph id={`${id}-question`} ref={questionRef} tabIndex={-1}>
        <strong>{question}</strong>
      </Paragraph>
      <Paragraph id={`${id}-explanation`}>{explanation}</Paragraph>
      <ErrorAlert message={error} />
      <ButtonGroup>
        <Button
          type="button"
          appearance="primary-action-button"
          busy={busy}
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {cancelLabel}
        </Button>
      </ButtonGroup>
    </div>
  );
}
