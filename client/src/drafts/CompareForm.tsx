import type { DraftSummary } from '@standpunt/shared';
import {
  Button,
  FormField,
  FormLabel,
  Heading2,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/useT';
import { comparePagePath, parseVersionRef } from './draftPaths';

interface CompareFormProps {
  paperId: string;
  number: number;
  /** The paper's other drafts to choose from (may still be loading: then only the live text). */
  drafts: readonly DraftSummary[];
}

/** "Vergelijken met": the live text or another draft, and on to the comparison. */
export function CompareForm({ paperId, number, drafts }: CompareFormProps) {
  const t = useT();
  const id = useId();
  const navigate = useNavigate();
  const [other, setOther] = useState('live');
  const others = drafts.filter((draft) => draft.number !== number);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ref = parseVersionRef(other);
    if (ref !== null) void navigate(comparePagePath(paperId, number, ref));
  };

  return (
    <section className="standpunt-draft-compare" aria-labelledby={`${id}-heading`}>
      <Heading2 id={`${id}-heading`}>{t('draft.compare.title')}</Heading2>
      <form className="standpunt-form" onSubmit={onSubmit}>
        <FormField
          label={<FormLabel htmlFor={`${id}-other`}>{t('draft.compare.with')}</FormLabel>}
          input={
            <Select
              id={`${id}-other`}
              value={other}
              onChange={(event) => setOther(event.target.value)}
            >
              <SelectOption value="live">{t('draft.compare.live')}</SelectOption>
              {others.map((draft) => (
                <SelectOption key={draft.number} value={String(draft.number)}>
                  {t('draft.compare.option', { number: draft.number, label: draft.label })}
                </SelectOption>
              ))}
            </Select>
          }
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('draft.compare.submit')}
        </Button>
      </form>
    </section>
  );
}
