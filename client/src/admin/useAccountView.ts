import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { accountViewFromParams, accountViewParams, type AccountView } from './accountView';

/** The account list's filters and page live in the address, like the audit trail's. */
export function useAccountView(): [AccountView, (view: AccountView) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => accountViewFromParams(params), [params]);
  const setView = useCallback(
    (next: AccountView) => setParams(accountViewParams(next)),
    [setParams],
  );
  return [view, setView];
}
