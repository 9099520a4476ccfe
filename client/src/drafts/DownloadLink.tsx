import type { ReactNode } from 'react';

interface DownloadLinkProps {
  href: string;
  /** Id of a longer description of the file. */
  describedBy?: string;
  children: ReactNode;
}

/**
 * A link that downloads a file the server names. Its visible text says what the file is and in
 * which format, so the link is understood without its surroundings.
 */
export function DownloadLink({ href, describedBy, children }: DownloadLinkProps) {
  return (
    <a
      className="utrecht-link utrecht-link--html-a standpunt-download"
      href={href}
      download
      {...(describedBy ? { 'aria-describedby': describedBy } : {})}
    >
      <span aria-hidden="true" className="standpunt-download__icon">
        ↓
      </span>
      {children}
    </a>
  );
}
