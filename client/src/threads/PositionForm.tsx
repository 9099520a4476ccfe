import { organisationName, STANCES, type Position, type Stance } from '@standpunt/shared';
import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { setPosition } from '../api/threads';
import { useT } from '../i18n/useT';
import { FormError } from './FormError';
import { TextareaField } from './TextareaField';
import { useAction } from '../api/useAction';

interface PositionFormProps {
  paperId: string;
  blockId: string;
  municipality: string;
  /** The municipality's current position here, if it has one. */
  current: Position | undefined;
  onSaved: (message: string) => void;
}

/** "Standpunt van Utrecht": steunt / steunt met wijzigingen / steunt niet, with an explanation. */
export function PositionForm({
  paperId,
  blockId,
  municipality,
  current,
  onSaved,
}: PositionFormProps) {
  const t = useT();
  const id = useId();
  const [stance, setStance] = useState<Stance | null>(current?.stance ?? null);
  const [explanation, setExplanation] = useState(current?.explanation ?? '');
  const action = useAction();
  const organisation = organisationName(municipality);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!stance) return;
    if (stance !== 'steunt' && explanation.trim() === '') {
      action.setError(t('positions.explanationRequired'));
      return;
    }
    if (await action.run(() => setPosition(paperId, blockId, { stance, explanation }))) {
      onSaved(t('positions.saved', { organisation }));
    }
  };

  return (
    <form className="standpunt-position-form" noValidate onSubmit={onSubmit}>
      <Fieldset>
        <FieldsetLegend>{t('positions.legend', { organisation })}</FieldsetLegend>
        {STANCES.map((option) => (
          <FormField
            key={option}
            type="radio"
            label={
              <FormLabel htmlFor={`${id}-${option}`} type="radio">
                {t(`positions.stance.${option}`)}
              </FormLabel>
            }
            input={
              <RadioButton
                id={`${id}-${option}`}
                name={`${id}-stance`}
                value={option}
                checked={stance === option}
                onChange={() => {
                  setStance(option);
                  action.setError(null);
                }}
              />
            }
          />
        ))}
      </Fieldset>
      <TextareaField
        label={t('positions.explanation')}
        hint={t('positions.explanationHint')}
        value={explanation}
        rows={2}
        invalid={action.error !== null}
        errorId={`${id}-error`}
        onChange={(value) => {
          setExplanation(value);
          action.setError(null);
        }}
      />
      <FormError id={`${id}-error`} message={action.error} />
      <Button
        type="submit"
        appearance="secondary-action-button"
        busy={action.busy}
        disabled={action.busy || stance === null}
      >
        {t('positions.save')}
      </Button>
    </form>
  );
}
