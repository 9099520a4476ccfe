import { useCallback, useEffect, useState } from 'react';
import { useApiErrorHandler } from '../auth/useApiErrorHandler';
import { ApiError } from './ApiError';

export type ApiData<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string; httpStatus: number | null }
  | { status: 'ready'; data: T };

/** Changes loaded data in place, e.g. with the server's answer to a change made on the page. */
export type ApiDataUpdate<T> = (change: (data: T) => T) => void;

/**
 * Loads `load(signal)` when mounted and whenever `key` changes; `reload()` fetches again
 * without going back to the loading state; `update(change)` changes what was loaded without
 * fetching it again. `load` should be stable (a module function).
 */
export function useApiData<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key = '',
): [ApiData<T>, () => void, ApiDataUpdate<T>] {
  const handleError = useApiErrorHandler();
  const [state, setState] = useState<ApiData<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  // A different key is a different thing: don't show the old one while the new one loads.
  const [loadedKey, setLoadedKey] = useState(key);
  if (loadedKey !== key) {
    setLoadedKey(key);
    setState({ status: 'loading' });
  }

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal)
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          message: handleError(error),
          httpStatus: error instanceof ApiError ? error.status : null,
        });
      });
    return () => controller.abort();
  }, [load, key, generation, handleError]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const update = useCallback<ApiDataUpdate<T>>(
    (change) =>
      setState((current) =>
        current.status === 'ready' ? { status: 'ready', data: change(current.data) } : current,
      ),
    [],
  );
  return [state, reload, update];
}
