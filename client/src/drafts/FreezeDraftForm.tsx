import type { DraftSummary } from '@standpunt/shared';
import {
  Button,
  FormField,
  FormFieldDescription,
  FormLabel,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { freezeDraft } from '../api/drafts';
import { useApiErrorHandler } from '../auth/useApiErrorHandler';
import { useT } from '../i18n/useT';
import { ErrorAlert } from '../layout/ErrorAlert';
import { FreezeConfirmation } from './FreezeConfirmation';
import { SectionHeading, type SectionLevel } from './SectionHeading';

const MAX_LABEL = 200;

interface FreezeDraftFormProps {
  paperId: string;
  /** The level of this section's heading; the confirmation's sits one below it. */
  level: 2 | 3;
  /** After the draft was frozen. */
  onFrozen: (draft: DraftSummary) => void;
}

/**
 * "Versie vastleggen": a name, then a confirmation that says a frozen draft is permanent.
 * Editors and admins only; the server checks that too.
 */
export function FreezeDraftForm({ paperId, level, onFrozen }: FreezeDraftFormProps) {
  const t = useT();
  const id = useId();
  const handleError = useApiErrorHandler();
  const input = useRef<HTMLInputElement>(null);
  // Set when the confirmation closes: the field is usable again only after the next render.
  const focusInput = useRef(false);
  const [label, setLabel] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    if (focusInput.current && !confirming && input.current) {
      focusInput.current = false;
      input.current.focus();
    }
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (label.trim() === '') {
      setInvalid(true);
      setError(t('drafts.freeze.required'));
      input.current?.focus();
      return;
    }
    setInvalid(false);
    setError(null);
    setConfirming(true);
  };

  const close = () => {
    setConfirming(false);
    focusInput.current = true;
  };

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const draft = await freezeDraft(paperId, label.trim());
      setLabel('');
      close();
      onFrozen(draft);
    } catch (failure) {
      setError(handleError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="standpunt-freeze" aria-labelledby={`${id}-heading`}>
      <SectionHeading level={level} id={`${id}-heading`}>
        {t('drafts.freeze.title')}
      </SectionHeading>
      <Paragraph>{t('drafts.freeze.intro')}</Paragraph>
      <form className="standpunt-form" onSubmit={onSubmit} noValidate>
        <ErrorAlert message={error} id={`${id}-error`} />
        <FormField
          invalid={invalid}
          label={<FormLabel htmlFor={`${id}-label`}>{t('drafts.freeze.label')}</FormLabel>}
          description={
            <FormFieldDescription id={`${id}-hint`}>{t('drafts.freeze.hint')}</FormFieldDescription>
          }
          input={
            <Textbox
              ref={input}
              id={`${id}-label`}
              required
              invalid={invalid}
              maxLength={MAX_LABEL}
              autoComplete="off"
              aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
              value={label}
              readOnly={confirming}
              onChange={(event) => setLabel(event.target.value)}
            />
          }
        />
        {confirming ? (
          <FreezeConfirmation
            label={label.trim()}
            level={(level + 1) as SectionLevel}
            busy={busy}
            onConfirm={() => void confirm()}
            onCancel={close}
          />
        ) : (
          <Button type="submit" appearance="primary-action-button">
            {t('drafts.freeze.submit')}
          </Button>
        )}
      </form>
    </section>
  );
}
