import {
  useCallback,
  useEffect,
  useRef,
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';

const ITEM_SELECTOR = 'button';

/**
 * Roving tabindex for a toolbar (WAI-ARIA APG): Tab reaches one button, the arrow keys,
 * Home and End move between them. Buttons' tabindex is managed here, not by React props.
 */
export function useRovingFocus(container: RefObject<HTMLElement | null>) {
  const current = useRef(0);

  const items = useCallback(
    () => Array.from(container.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? []),
    [container],
  );

  const apply = useCallback(() => {
    const all = items();
    if (current.current >= all.length) current.current = 0;
    all.forEach((item, index) => {
      item.tabIndex = index === current.current ? 0 : -1;
    });
  }, [items]);

  useEffect(apply);

  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const index = items().indexOf(event.target as HTMLElement);
      if (index >= 0 && index !== current.current) {
        current.current = index;
        apply();
      }
    },
    [items, apply],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const all = items();
      if (all.length === 0) return;
      let next: number;
      switch (event.key) {
        case 'ArrowRight':
          next = (current.current + 1) % all.length;
          break;
        case 'ArrowLeft':
          next = (current.current - 1 + all.length) % all.length;
          break;
        case 'Home':
          next = 0;
          break;
        case 'End':
          next = all.length - 1;
          break;
        default:
          return;
      }
      event.preventDefault();
      current.current = next;
      apply();
      all[next]?.focus();
    },
    [items, apply],
  );

  return { onFocus, onKeyDown };
}
