import {
  Button,
  ButtonGroup,
  FormField,
  FormLabel,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import type { MessageKey } from '../i18n/nl';
import { useT } from '../i18n/useT';
import { NO_ACCOUNT_FILTER, type AccountFilter, type Condition } from './accountView';
import { OrganisationSelect } from './OrganisationSelect';

interface AccountFiltersProps {
  filter: AccountFilter;
  onApply: (filter: AccountFilter) => void;
}

/** The three answers of a yes/no filter, labelled for what it asks. */
type ConditionLabels = Record<Condition, MessageKey>;

const STATUS_LABELS: ConditionLabels = {
  '': 'accounts.filter.anyStatus',
  true: 'accounts.filter.active',
  false: 'accounts.filter.inactive',
};

const ADMIN_LABELS: ConditionLabels = {
  '': 'accounts.filter.anyAdmin',
  true: 'accounts.filter.adminOnly',
  false: 'accounts.filter.notAdmin',
};

/**
 * Text, organisation, active and admin; applied with "Zoeken", not on every key or change, so
 * that the list (and what a screen reader says about it) changes only when asked.
 */
export function AccountFilters({ filter, onApply }: AccountFiltersProps) {
  const t = useT();
  const id = useId();
  const [fields, setFields] = useState(filter);
  const set = <K extends keyof AccountFilter>(key: K, value: AccountFilter[K]) =>
    setFields((previous) => ({ ...previous, [key]: value }));
  const filtered = Object.values(filter).some((value) => value !== '');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(fields);
  };

  const conditionSelect = (key: 'active' | 'admin', labels: ConditionLabels) => (
    <Select
      id={`${id}-${key}`}
      value={fields[key]}
      onChange={(event) => set(key, event.target.value as Condition)}
    >
      {(['', 'true', 'false'] as const).map((value) => (
        <SelectOption key={value} value={value}>
          {t(labels[value])}
        </SelectOption>
      ))}
    </Select>
  );

  return (
    <form
      role="search"
      className="standpunt-account-filters standpunt-card"
      aria-label={t('accounts.filters')}
      onSubmit={onSubmit}
    >
      <FormField
        className="standpunt-account-filters__text"
        label={<FormLabel htmlFor={`${id}-q`}>{t('accounts.filter.q')}</FormLabel>}
        input={
          <Textbox
            id={`${id}-q`}
            type="search"
            maxLength={200}
            autoComplete="off"
            value={fields.q}
            onChange={(event) => set('q', event.target.value)}
          />
        }
      />
      <FormField
        label={
          <FormLabel htmlFor={`${id}-municipality`}>{t('accounts.filter.organisation')}</FormLabel>
        }
        input={
          <OrganisationSelect
            id={`${id}-municipality`}
            anyLabel={t('accounts.filter.anyOrganisation')}
            value={fields.municipality}
            onChange={(code) => set('municipality', code)}
          />
        }
      />
      <FormField
        label={<FormLabel htmlFor={`${id}-active`}>{t('accounts.filter.status')}</FormLabel>}
        input={conditionSelect('active', STATUS_LABELS)}
      />
      <FormField
        label={<FormLabel htmlFor={`${id}-admin`}>{t('accounts.filter.admin')}</FormLabel>}
        input={conditionSelect('admin', ADMIN_LABELS)}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {t('accounts.filter.submit')}
        </Button>
        {filtered && (
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => onApply(NO_ACCOUNT_FILTER)}
          >
            {t('accounts.filter.reset')}
          </Button>
        )}
      </ButtonGroup>
    </form>
  );
}
