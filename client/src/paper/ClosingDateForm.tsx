import type { PaperSummary } from '@standpunt/shared';
import {
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormLabel,
  Textbox,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { updatePaper } from '../api/papers';
import { useApiErrorHandler } from '../auth/useApiErrorHandler';
import { formatClosingMoment, fromAmsterdamInput, toAmsterdamInput } from '../format/amsterdamTime';
import { LOCALES } from '../i18n/translate';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { ErrorAlert } from '../layout/ErrorAlert';

interface ClosingDateFormProps {
  paper: PaperSummary;
  /** After a change was saved, with the sentence that says what changed. */
  onSaved: (message: string) => void;
}

/** "Sluitingsdatum consultatie": a date and time in Dutch time, saved or removed. */
export function ClosingDateForm({ paper, onSaved }: ClosingDateFormProps) {
  const t = useT();
  const id = useId();
  const { language } = useLanguage();
  const handleError = useApiErrorHandler();
  const initial = paper.closesAt ? toAmsterdamInput(paper.closesAt) : '';
  const [value, setValue] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // A date set or removed elsewhere replaces what is in the field.
  const [shown, setShown] = useState(paper.closesAt);
  if (shown !== paper.closesAt) {
    setShown(paper.closesAt);
    setValue(initial);
  }

  const save = async (closesAt: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await updatePaper(paper.id, { closesAt });
      onSaved(
        updated.closesAt
          ? t('closingDate.saved', {
              date: formatClosingMoment(updated.closesAt, LOCALES[language]),
            })
          : t('closingDate.removed'),
      );
    } catch (failure) {
      setError(handleError(failure));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const closesAt = fromAmsterdamInput(value);
    if (!closesAt) {
      setError(t('closingDate.invalid'));
      return;
    }
    void save(closesAt);
  };

  return (
    <form className="standpunt-form standpunt-closing-date" onSubmit={onSubmit} noValidate>
      <ErrorAlert message={error} />
      <FormField
        label={<FormLabel htmlFor={`${id}-date`}>{t('closingDate.label')}</FormLabel>}
        description={
          <FormFieldDescription id={`${id}-hint`}>{t('closingDate.hint')}</FormFieldDescription>
        }
        input={
          <Textbox
            id={`${id}-date`}
            type="datetime-local"
            aria-describedby={`${id}-hint`}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        }
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t('closingDate.save')}
        </Button>
        {paper.closesAt && (
          <Button
            type="button"
            appearance="subtle-button"
            aria-label={t('closingDate.removeLabel')}
            disabled={busy}
            onClick={() => void save(null)}
          >
            {t('closingDate.remove')}
          </Button>
        )}
      </ButtonGroup>
    </form>
  );
}
