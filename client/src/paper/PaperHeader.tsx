import { canManagePaper, type PaperSummary } from '@standpunt/shared';
import { Heading1 } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useCurrentUser } from '../auth/useCurrentUser';
import { StatusRegion } from '../layout/StatusRegion';
import type { ThreadsDocState } from '../threads/useThreadsDoc';
import { PaperMeta } from './PaperMeta';
import { PaperSettings } from './PaperSettings';
import { PhaseSteps } from './PhaseSteps';

interface PaperHeaderProps {
  paper: PaperSummary;
  /** For the tally of positions on the whole paper. */
  threadsDoc: ThreadsDocState;
  /** After this person changed the paper: read it again. */
  onChanged: () => void;
}

/** Title, theme, the phase in the process, and for editors the controls to move it. */
export function PaperHeader({ paper, threadsDoc, onChanged }: PaperHeaderProps) {
  const user = useCurrentUser();
  const [message, setMessage] = useState<string | null>(null);
  const manages = canManagePaper({ admin: user.admin, role: paper.myRole }, paper.phase);

  const onSaved = (text: string) => {
    setMessage(text);
    onChanged();
  };

  return (
    <header className="standpunt-paper__header">
      <Heading1>{paper.title}</Heading1>
      <PaperMeta paper={paper} threadsDoc={threadsDoc} />
      <PhaseSteps phase={paper.phase} />
      {/* Outside the settings, which are gone once the paper is vastgesteld or ingetrokken. */}
      <StatusRegion message={message} />
      {manages && <PaperSettings paper={paper} onSaved={onSaved} />}
    </header>
  );
}
