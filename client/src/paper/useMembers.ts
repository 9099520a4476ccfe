import type { PaperMember } from '@standpunt/shared';
import { useCallback, useEffect, useState } from 'react';
import { fetchMembers } from '../api/members';
import { useApiErrorHandler } from '../auth/useApiErrorHandler';

export type MembersState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; members: PaperMember[] };

/**
 * The members of a paper, read again whenever `version` changes (the paper was re-read);
 * `replace` takes the list a change answered with.
 */
export function useMembers(
  paperId: string,
  version: unknown,
): [MembersState, (members: PaperMember[]) => void] {
  const handleError = useApiErrorHandler();
  const [state, setState] = useState<MembersState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchMembers(paperId, controller.signal)
      .then((members) => setState({ status: 'ready', members }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: handleError(error) });
      });
    return () => controller.abort();
  }, [paperId, version, handleError]);

  const replace = useCallback(
    (members: PaperMember[]) => setState({ status: 'ready', members }),
    [],
  );
  return [state, replace];
}
