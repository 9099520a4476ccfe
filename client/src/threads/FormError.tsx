import { Alert, Paragraph } from '@utrecht/component-library-react';

/** A form's error, announced at once. */
export function FormError({ id, message }: { id?: string; message: string | null }) {
  if (!message) return null;
  return (
    <Alert type="error" role="alert" id={id}>
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}
