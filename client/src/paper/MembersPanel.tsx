import { canManagePaper, type PaperSummary } from '@standpunt/shared';
import { Button, Heading2 } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useT } from '../i18n/useT';
import { StatusRegion } from '../layout/StatusRegion';
import { MembersContent } from './MembersContent';

interface MembersPanelProps {
  paper: PaperSummary;
  /** After this person changed a membership: read the paper again (their own role may be it). */
  onChanged: () => void;
}

/** "Leden": a disclosure with who holds which role; editors and admins manage them here. */
export function MembersPanel({ paper, onChanged }: MembersPanelProps) {
  const t = useT();
  const id = useId();
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const manages = canManagePaper({ admin: user.admin, role: paper.myRole }, paper.phase);

  const onMembersChanged = (text: string) => {
    setMessage(text);
    onChanged();
  };

  return (
    <section className="standpunt-members" aria-labelledby={`${id}-heading`}>
      <Heading2 id={`${id}-heading`} className="standpunt-members__title">
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
          {t('members.title')}
        </Button>
      </Heading2>
      <StatusRegion message={message} />
      <div id={`${id}-content`} hidden={!open}>
        {open && <MembersContent paper={paper} manages={manages} onChanged={onMembersChanged} />}
      </div>
    </section>
  );
}
