import { useCallback, useState } from 'react';
import { useApiErrorHandler } from '../auth/useApiErrorHandler';

export interface Action {
  busy: boolean;
  /** The server's (or our own) message after a failure, for a role="alert". */
  error: string | null;
  setError: (message: string | null) => void;
  /** Runs `call`; resolves true when it succeeded. */
  run: (call: () => Promise<unknown>) => Promise<boolean>;
}

/** Busy and error state around one API call at a time. */
export function useAction(): Action {
  const handleError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (call: () => Promise<unknown>) => {
      setBusy(true);
      setError(null);
      try {
        await call();
        return true;
      } catch (cause) {
        setError(handleError(cause));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [handleError],
  );
  return { busy, error, setError, run };
}
