import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useT } from '../i18n/useT';
import { ErrorAlert } from '../layout/ErrorAlert';
import { StatusRegion } from '../layout/StatusRegion';

/** The full sha256 of a draft, and a button that copies it (where the browser allows). */
export function HashValue({ sha256 }: { sha256: string }) {
  const t = useT();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canCopy = typeof navigator !== 'undefined' && Boolean(navigator.clipboard);

  const copy = async () => {
    setMessage(null);
    setError(null);
    try {
      await navigator.clipboard.writeText(sha256);
      setMessage(t('draft.hashCopied'));
    } catch {
      setError(t('draft.copyFailed'));
    }
  };

  return (
    <div className="standpunt-hash-value">
      <code className="standpunt-hash">{sha256}</code>
      {canCopy && (
        <Button
          type="button"
          appearance="subtle-button"
          aria-label={t('draft.copyHashLabel')}
          onClick={() => void copy()}
        >
          {t('draft.copyHash')}
        </Button>
      )}
      <StatusRegion message={message} />
      <ErrorAlert message={error} />
    </div>
  );
}
