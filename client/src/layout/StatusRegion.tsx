import { Alert, Paragraph } from '@utrecht/component-library-react';

/**
 * A live region that is always in the page, so screen readers announce the message put in it
 * (a region added together with its text is often missed).
 */
export function StatusRegion({ message }: { message: string | null }) {
  return (
    <div role="status" className="standpunt-status-region">
      {message && (
        // The surrounding region is the live one; the alert must not add a second status.
        <Alert type="ok" role="none">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
