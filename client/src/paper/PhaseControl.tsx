import { PHASE_TRANSITIONS, type PaperSummary, type Phase } from '@standpunt/shared';
import {
  Button,
  FormField,
  FormLabel,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { updatePaper } from '../api/papers';
import { useApiErrorHandler } from '../auth/useApiErrorHandler';
import { useT } from '../i18n/useT';
import { ErrorAlert } from '../layout/ErrorAlert';
import { PhaseConfirmation } from './PhaseConfirmation';

interface PhaseControlProps {
  paper: PaperSummary;
  /** After the phase moved: read the paper again and say so. */
  onMoved: (phase: Phase) => void;
}

/** "Volgende fase": only the moves the process allows, each confirmed before it is made. */
export function PhaseControl({ paper, onMoved }: PhaseControlProps) {
  const t = useT();
  const id = useId();
  const handleError = useApiErrorHandler();
  const submitButton = useRef<HTMLButtonElement>(null);
  // Set on cancel: the button is back in the page only after the next render.
  const focusSubmit = useRef(false);
  const next = PHASE_TRANSITIONS[paper.phase];
  const [target, setTarget] = useState<Phase | ''>('');
  const [confirming, setConfirming] = useState<Phase | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Someone else may move the phase meanwhile: a choice made for the old phase no longer holds.
  const [shownPhase, setShownPhase] = useState(paper.phase);
  if (shownPhase !== paper.phase) {
    setShownPhase(paper.phase);
    setTarget('');
    setConfirming(null);
  }

  useEffect(() => {
    if (focusSubmit.current && submitButton.current) {
      focusSubmit.current = false;
      submitButton.current.focus();
    }
  });

  if (next.length === 0) return null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (target) {
      setError(null);
      setConfirming(target);
    }
  };

  const cancel = () => {
    setConfirming(null);
    focusSubmit.current = true;
  };

  const confirm = async (phase: Phase) => {
    setBusy(true);
    setError(null);
    try {
      await updatePaper(paper.id, { phase });
      setConfirming(null);
      setTarget('');
      onMoved(phase);
    } catch (failure) {
      setError(handleError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="standpunt-form standpunt-phase-control" onSubmit={onSubmit}>
      <ErrorAlert message={error} />
      <FormField
        label={<FormLabel htmlFor={`${id}-next`}>{t('phaseControl.next')}</FormLabel>}
        input={
          <Select
            id={`${id}-next`}
            required
            value={target}
            disabled={confirming !== null}
            onChange={(event) => setTarget(event.target.value as Phase | '')}
          >
            <SelectOption value="" disabled>
              {t('phaseControl.choose')}
            </SelectOption>
            {next.map((phase) => (
              <SelectOption key={phase} value={phase}>
                {t(`phase.${phase}`)}
              </SelectOption>
            ))}
          </Select>
        }
      />
      {confirming ? (
        <PhaseConfirmation
          from={paper.phase}
          to={confirming}
          busy={busy}
          onConfirm={() => void confirm(confirming)}
          onCancel={cancel}
        />
      ) : (
        <Button ref={submitButton} type="submit" appearance="secondary-action-button">
          {t('phaseControl.submit')}
        </Button>
      )}
    </form>
  );
}
