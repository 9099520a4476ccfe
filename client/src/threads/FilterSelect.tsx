import { FormField, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import { useId } from 'react';

export interface FilterOption {
  value: string;
  label: string;
}

interface FilterSelectProps {
  label: string;
  value: string;
  allLabel: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
}

/** One labelled filter, with "Alle" first. */
export function FilterSelect({ label, value, allLabel, options, onChange }: FilterSelectProps) {
  const id = useId();
  return (
    <FormField
      className="standpunt-thread-filters__field"
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      input={
        <Select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
          <SelectOption value="">{allLabel}</SelectOption>
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      }
    />
  );
}
