import { organisationName, type DirectoryEntry, type PaperSummary } from '@standpunt/shared';
import {
  Button,
  FormField,
  FormLabel,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import type { AuditFilter } from '../api/audit';
import { useT } from '../i18n/useT';

interface AuditFiltersProps {
  filter: AuditFilter;
  papers: readonly PaperSummary[];
  people: readonly DirectoryEntry[];
  onApply: (filter: AuditFilter) => void;
}

/** Paper, person and period; applied with "Toon", not on every change. */
export function AuditFilters({ filter, papers, people, onApply }: AuditFiltersProps) {
  const t = useT();
  const id = useId();
  const [fields, setFields] = useState(filter);
  const set = (key: keyof AuditFilter, value: string) =>
    setFields((previous) => ({ ...previous, [key]: value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(fields);
  };

  const sortedPapers = [...papers].sort((a, b) => a.title.localeCompare(b.title, 'nl'));
  return (
    <form
      className="standpunt-audit-filters standpunt-card"
      aria-label={t('audit.filters')}
      onSubmit={onSubmit}
    >
      <FormField
        label={<FormLabel htmlFor={`${id}-paper`}>{t('audit.filter.paper')}</FormLabel>}
        input={
          <Select
            id={`${id}-paper`}
            value={fields.paper}
            onChange={(event) => set('paper', event.target.value)}
          >
            <SelectOption value="">{t('audit.filter.allPapers')}</SelectOption>
            {sortedPapers.map((paper) => (
              <SelectOption key={paper.id} value={paper.id}>
                {paper.title}
              </SelectOption>
            ))}
          </Select>
        }
      />
      <FormField
        label={<FormLabel htmlFor={`${id}-actor`}>{t('audit.filter.person')}</FormLabel>}
        input={
          <Select
            id={`${id}-actor`}
            value={fields.actor}
            onChange={(event) => set('actor', event.target.value)}
          >
            <SelectOption value="">{t('audit.filter.everyone')}</SelectOption>
            {people.map((person) => (
              <SelectOption key={person.id} value={person.id}>
                {`${person.name} — ${organisationName(person.municipality)}`}
              </SelectOption>
            ))}
          </Select>
        }
      />
      <FormField
        label={<FormLabel htmlFor={`${id}-from`}>{t('audit.filter.from')}</FormLabel>}
        input={
          <Textbox
            id={`${id}-from`}
            type="date"
            value={fields.from}
            max={fields.to || undefined}
            onChange={(event) => set('from', event.target.value)}
          />
        }
      />
      <FormField
        label={<FormLabel htmlFor={`${id}-to`}>{t('audit.filter.to')}</FormLabel>}
        input={
          <Textbox
            id={`${id}-to`}
            type="date"
            value={fields.to}
            min={fields.from || undefined}
            onChange={(event) => set('to', event.target.value)}
          />
        }
      />
      <Button type="submit" appearance="primary-action-button">
        {t('audit.filter.submit')}
      </Button>
    </form>
  );
}
