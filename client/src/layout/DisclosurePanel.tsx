import { Button, Heading2 } from '@utrecht/component-library-react';
import { useId, useState, type ReactNode } from 'react';
import { StatusRegion } from './StatusRegion';

interface DisclosurePanelProps {
  title: string;
  /** The section's own class, for styles of what it holds. */
  className: string;
  /** Announced politely (e.g. "Versie 2 vastgelegd"), also while the panel is closed. */
  message: string | null;
  /** Made only once the panel is opened, so a closed panel loads nothing. */
  children: ReactNode;
}

/**
 * A section of the paper page behind a heading that opens and closes it ("Versies", "Leden"):
 * the heading's button says whether it is open (aria-expanded) and which content it controls.
 */
export function DisclosurePanel({ title, className, message, children }: DisclosurePanelProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <section className={`standpunt-panel ${className}`} aria-labelledby={`${id}-heading`}>
      <Heading2 id={`${id}-heading`} className="standpunt-panel__title">
        <Button
          appearance="subtle-button"
          className="standpunt-disclosure"
          aria-expanded={open}
          aria-controls={`${id}-content`}
          onClick={() => setOpen((value) => !value)}
        >
          <span aria-hidden="true" className="standpunt-disclosure__icon">
            {open ? '▾' : '▸'}
          </span>
          {title}
        </Button>
      </Heading2>
      <StatusRegion message={message} />
      <div id={`${id}-content`} hidden={!open}>
        {open && children}
      </div>
    </section>
  );
}
