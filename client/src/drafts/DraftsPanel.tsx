import type { DraftSummary, PaperSummary } from '@standpunt/shared';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { useT } from '../i18n/useT';
import { RouterLink } from '../layout/RouterLink';
import { StatusRegion } from '../layout/StatusRegion';
import { DraftsContent } from './DraftsContent';
import { draftsPagePath } from './draftPaths';
import './drafts.css';

/** "Versies" on the paper page: a disclosure with the drafts and, for editors, freezing. */
export function DraftsPanel({ paper }: { paper: PaperSummary }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const onFrozen = (draft: DraftSummary) =>
    setMessage(t('drafts.freeze.done', { number: draft.number, label: draft.label }));

  return (
    <section className="standpunt-drafts" aria-labelledby={`${id}-heading`}>
      <Heading2 id={`${id}-heading`} className="standpunt-drafts__title">
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
          {t('drafts.title')}
        </Button>
      </Heading2>
      <StatusRegion message={message} />
      <div id={`${id}-content`} hidden={!open}>
        {open && (
          <>
            <DraftsContent paper={paper} level={3} onFrozen={onFrozen} />
            <Paragraph>
              <RouterLink to={draftsPagePath(paper.id)}>{t('drafts.allVersions')}</RouterLink>
            </Paragraph>
          </>
        )}
      </div>
    </section>
  );
}
