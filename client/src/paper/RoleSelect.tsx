import type { PaperRole } from '@standpunt/shared';
import { Select, SelectOption } from '@utrecht/component-library-react';
import { useT } from '../i18n/useT';
import { ROLE_LABELS, ROLE_ORDER } from './roleLabels';

interface RoleSelectProps {
  id: string;
  value: PaperRole;
  disabled?: boolean;
  onChange: (role: PaperRole) => void;
}

/** Redacteur, Schrijver, Commentator, Lezer. */
export function RoleSelect({ id, value, disabled = false, onChange }: RoleSelectProps) {
  const t = useT();
  return (
    <Select
      id={id}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value as PaperRole)}
    >
      {ROLE_ORDER.map((role) => (
        <SelectOption key={role} value={role}>
          {t(ROLE_LABELS[role])}
        </SelectOption>
      ))}
    </Select>
  );
}
