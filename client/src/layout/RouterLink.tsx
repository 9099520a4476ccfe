import { Link, type LinkProps } from 'react-router';

/** A client-side route link that looks like an NL Design System link. */
export function RouterLink({ className, ...props }: LinkProps) {
  return (
    <Link
      {...props}
      className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')}
    />
  );
}
