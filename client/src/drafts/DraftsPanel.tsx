import type { DraftSummary, PaperSummary } from '@standpunt/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useT } from '../i18n/useT';
import { RouterLink } from '../layout/RouterLink';
import { DisclosurePanel } from '../layout/DisclosurePanel';
import { DraftsContent } from './DraftsContent';
import { draftsPagePath } from './draftPaths';
import './drafts.css';

/** "Versies" on the paper page: a disclosure with the drafts and, for editors, freezing. */
export function DraftsPanel({ paper }: { paper: PaperSummary }) {
  const t = useT();
  const [message, setMessage] = useState<string | null>(null);

  const onFrozen = (draft: DraftSummary) =>
    setMessage(t('drafts.freeze.done', { number: draft.number, label: draft.label }));

  return (
    <DisclosurePanel className="standpunt-drafts" title={t('drafts.title')} message={message}>
      <DraftsContent paper={paper} level={3} onFrozen={onFrozen} />
      <Paragraph>
        <RouterLink to={draftsPagePath(paper.id)}>{t('drafts.allVersions')}</RouterLink>
      </Paragraph>
    </DisclosurePanel>
  );
}
