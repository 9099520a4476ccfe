import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditFilter } from '../api/audit';

const KEYS = ['paper', 'actor', 'from', 'to'] as const;

/** The filter lives in the address (`/logboek?paper=…&from=…`), so a view can be shared. */
export function useAuditFilter(): [AuditFilter, (filter: AuditFilter) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<AuditFilter>(
    () => ({
      paper: params.get('paper') ?? '',
      actor: params.get('actor') ?? '',
      from: params.get('from') ?? '',
      to: params.get('to') ?? '',
    }),
    [params],
  );
  const setFilter = useCallback(
    (next: AuditFilter) => {
      const search = new URLSearchParams();
      for (const key of KEYS) if (next[key]) search.set(key, next[key]);
      setParams(search);
    },
    [setParams],
  );
  return [filter, setFilter];
}
