import { Select, SelectOption } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useT } from '../i18n/useT';
import { ASSOCIATION_CODE, sortedMunicipalities } from './organisationOptions';

interface OrganisationSelectProps {
  id: string;
  value: string;
  onChange: (code: string) => void;
  /** For a filter: the first option, "any organisation" (value ''), may be chosen. */
  anyLabel?: string;
}

/** VNG and the 342 municipalities by name; the value is the organisation code. */
export function OrganisationSelect({ id, value, onChange, anyLabel }: OrganisationSelectProps) {
  const t = useT();
  const municipalities = useMemo(() => sortedMunicipalities(), []);
  return (
    <Select
      id={id}
      required={anyLabel === undefined}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      {anyLabel === undefined ? (
        <SelectOption value="" disabled>
          {t('admin.new.chooseOrganisation')}
        </SelectOption>
      ) : (
        <SelectOption value="">{anyLabel}</SelectOption>
      )}
      <optgroup label={t('admin.new.association')}>
        <SelectOption value={ASSOCIATION_CODE}>VNG</SelectOption>
      </optgroup>
      <optgroup label={t('admin.new.municipalities')}>
        {municipalities.map((municipality) => (
          <SelectOption key={municipality.code} value={municipality.code}>
            {municipality.name}
          </SelectOption>
        ))}
      </optgroup>
    </Select>
  );
}
