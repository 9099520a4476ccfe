import { canManagePaper, type PaperSummary } from '@standpunt/shared';
import { useState } from 'react';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useT } from '../i18n/useT';
import { DisclosurePanel } from '../layout/DisclosurePanel';
import { MembersContent } from './MembersContent';

interface MembersPanelProps {
  paper: PaperSummary;
  /** After this person changed a membership: read the paper again (their own role may be it). */
  onChanged: () => void;
}

/** "Leden": a disclosure with who holds which role; editors and admins manage them here. */
export function MembersPanel({ paper, onChanged }: MembersPanelProps) {
  const t = useT();
  const user = useCurrentUser();
  const [message, setMessage] = useState<string | null>(null);
  const manages = canManagePaper({ admin: user.admin, role: paper.myRole }, paper.phase);

  const onMembersChanged = (text: string) => {
    setMessage(text);
    onChanged();
  };

  return (
    <DisclosurePanel className="standpunt-members" title={t('members.title')} message={message}>
      <MembersContent paper={paper} manages={manages} onChanged={onMembersChanged} />
    </DisclosurePanel>
  );
}
