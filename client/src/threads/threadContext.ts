import type { ResponseRights } from './threadActions';

/** What every thread card needs: the paper, the person's rights, and where to say what happened. */
export interface ThreadContext {
  paperId: string;
  rights: ResponseRights;
  locale: string;
  /** A short confirmation for the sidebar's status region. */
  onMessage: (message: string) => void;
}
