import type { PaperSummary, Phase } from '@standpunt/shared';
import { Heading2 } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useT } from '../i18n/useT';
import { ClosingDateForm } from './ClosingDateForm';
import { PhaseControl } from './PhaseControl';

interface PaperSettingsProps {
  paper: PaperSummary;
  /** After a change was saved: what to announce. */
  onSaved: (message: string) => void;
}

/** For editors and admins: move the phase, set the end of the consultation. */
export function PaperSettings({ paper, onSaved }: PaperSettingsProps) {
  const t = useT();
  const headingId = useId();
  const showClosingDate = paper.phase === 'concept' || paper.phase === 'consultatie';
  const onMoved = (phase: Phase) => onSaved(t('phaseControl.done', { phase: t(`phase.${phase}`) }));
  return (
    <section className="standpunt-paper-settings" aria-labelledby={headingId}>
      <Heading2 id={headingId} className="standpunt-paper-settings__title">
        {t('paperSettings.title')}
      </Heading2>
      <div className="standpunt-paper-settings__forms">
        <PhaseControl paper={paper} onMoved={onMoved} />
        {showClosingDate && <ClosingDateForm paper={paper} onSaved={onSaved} />}
      </div>
    </section>
  );
}
