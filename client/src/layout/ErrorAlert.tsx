import { Alert, Paragraph } from '@utrecht/component-library-react';

/** A failure to read at once (role="alert"), or nothing. */
export function ErrorAlert({ message, id }: { message: string | null; id?: string }) {
  if (!message) return null;
  return (
    <Alert type="error" role="alert" {...(id ? { id } : {})}>
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}
