import { useEffect, useState, type ComponentType } from 'react';
import { LoadingMessage } from './LoadingMessage';

export interface PageOnDemand {
  Page: ComponentType;
  /** Starts loading the page's code (once), e.g. before the page is needed. */
  preload: () => Promise<ComponentType>;
}

/**
 * A page whose code is loaded when it is first needed, showing "Laden…" until then. Not
 * `React.lazy`: a lazy page always suspends on its first render, even when its code is there
 * already, and React reveals what a suspended boundary held back no sooner than 300 ms after
 * its fallback — a third of a second lost on every opening of a paper. A failed load is thrown
 * to the page's error boundary.
 */
export function pageOnDemand(load: () => Promise<ComponentType>): PageOnDemand {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return component;
    }));

  function Page() {
    const [component, setComponent] = useState<ComponentType | null>(() => loaded);
    const [failure, setFailure] = useState<{ error: unknown } | null>(null);
    useEffect(() => {
      if (component) return;
      let current = true;
      preload().then(
        (next) => current && setComponent(() => next),
        (error: unknown) => current && setFailure({ error }),
      );
      return () => {
        current = false;
      };
    }, [component]);
    if (failure) throw failure.error;
    if (!component) return <LoadingMessage />;
    const Component = component;
    return <Component />;
  }
  return { Page, preload };
}
