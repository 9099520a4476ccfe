import {
  FormField,
  FormFieldDescription,
  FormLabel,
  Textarea,
} from '@utrecht/component-library-react';
import { forwardRef, useId } from 'react';

interface TextareaFieldProps {
  label: string;
  hint?: string;
  value: string;
  invalid?: boolean;
  /** Id of an error message that describes the field when it is invalid. */
  errorId?: string;
  rows?: number;
  onChange: (value: string) => void;
}

/** A labelled textarea with an optional hint. */
export const TextareaField = forwardRef<HTMLTextAreaElement, TextareaFieldProps>(
  function TextareaField(
    { label, hint, value, invalid = false, errorId, rows = 3, onChange },
    ref,
  ) {
    const id = useId();
    const describedBy = [hint ? `${id}-hint` : null, invalid && errorId ? errorId : null]
      .filter(Boolean)
      .join(' ');
    return (
      <FormField
        invalid={invalid}
        label={<FormLabel htmlFor={id}>{label}</FormLabel>}
        description={
          hint ? <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription> : undefined
        }
        input={
          <Textarea
            ref={ref}
            id={id}
            rows={rows}
            value={value}
            invalid={invalid}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy || undefined}
            onChange={(event) => onChange(event.target.value)}
          />
        }
      />
    );
  },
);
