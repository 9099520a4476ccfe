import type { PaperSummary } from '@standpunt/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/ApiError';
import type { ApiData } from '../api/useApiData';
import { fetchPaper } from '../api/papers';
import { useApiErrorHandler } from '../auth/useApiErrorHandler';

/** The paper as loaded, or `lost`: it was shown, and then access to it was taken away. */
export type PaperState = ApiData<PaperSummary> | { status: 'lost' };

/**
 * The paper with the caller's role on it, and `refresh()` to read it again. A refresh that
 * fails with 403 or 404 means access was taken away (the server answers 404 for papers one may
 * not read, so ids don't leak); any other failure of a refresh keeps what is shown, so a network
 * hiccup never hides the editor.
 */
export function usePaperSummary(id: string): [PaperState, () => void] {
  const handleError = useApiErrorHandler();
  const [state, setState] = useState<PaperState>({ status: 'loading' });
  const [loadedId, setLoadedId] = useState(id);
  if (loadedId !== id) {
    setLoadedId(id);
    setState({ status: 'loading' });
  }
  // Only the newest request may set the state: an older answer must not undo a newer one.
  const latest = useRef<AbortController | null>(null);

  const load = useCallback(
    (initial: boolean) => {
      latest.current?.abort();
      const controller = new AbortController();
      latest.current = controller;
      fetchPaper(id, controller.signal)
        .then((paper) => setState((previous) => (same(previous, paper) ? previous : ready(paper))))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          const httpStatus = error instanceof ApiError ? error.status : null;
          const message = handleError(error);
          if (initial) setState({ status: 'error', message, httpStatus });
          else if (httpStatus === 403 || httpStatus === 404) setState({ status: 'lost' });
        });
    },
    [id, handleError],
  );

  useEffect(() => {
    load(true);
    return () => latest.current?.abort();
  }, [load]);

  const refresh = useCallback(() => load(false), [load]);
  return [state, refresh];
}

const ready = (data: PaperSummary): PaperState => ({ status: 'ready', data });

/** Unchanged answers keep the old object, so a refresh that finds nothing new renders nothing. */
function same(previous: PaperState, paper: PaperSummary): boolean {
  return previous.status === 'ready' && JSON.stringify(previous.data) === JSON.stringify(paper);
}
