import { useEffect, useRef } from 'react';

/** How often the paper is read again while its page is visible. */
export const PAPER_REFRESH_MS = 20_000;

/**
 * Calls `refresh` every `intervalMs` while the page is visible, when the window gets focus and
 * when the tab becomes visible again. Rights can change on the server without a message to this
 * client (a role taken away leaves the socket open, read-only): this is how the page learns it.
 */
export function useRefreshWhileVisible(refresh: () => void, intervalMs = PAPER_REFRESH_MS): void {
  const callback = useRef(refresh);
  callback.current = refresh;

  useEffect(() => {
    const visible = () => document.visibilityState === 'visible';
    const timer = window.setInterval(() => {
      if (visible()) callback.current();
    }, intervalMs);
    const onFocus = () => callback.current();
    const onVisibility = () => {
      if (visible()) callback.current();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs]);
}
