import { Component, type ReactNode } from 'react';
import { PageError } from './PageError';

interface State {
  failed: boolean;
}

/**
 * Shows a reload prompt instead of a blank page when a page fails to render — typically when
 * its code chunk cannot be loaded because the server was updated since this page was opened.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    return this.state.failed ? <PageError /> : this.props.children;
  }
}
