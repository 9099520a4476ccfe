import { useEffect } from 'react';
import { useT } from '../i18n/useT';

/** Sets the browser tab title to "<page> — Standpunt". */
export function useDocumentTitle(page: string | undefined): void {
  const t = useT();
  const app = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} — ${app}` : app;
  }, [page, app]);
}
