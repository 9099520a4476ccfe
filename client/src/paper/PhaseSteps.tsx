import type { Phase } from '@standpunt/shared';
import { useT } from '../i18n/useT';

/** The phases a paper goes through in order; ingetrokken is shown only when it happened. */
const PROCESS: readonly Phase[] = ['concept', 'consultatie', 'voorgedragen', 'vastgesteld'];

/**
 * The process as a row of steps with the current one marked in text ("huidige fase") and by
 * `aria-current`, not by colour alone.
 */
export function PhaseSteps({ phase }: { phase: Phase }) {
  const t = useT();
  const steps = phase === 'ingetrokken' ? [...PROCESS, phase] : PROCESS;
  const currentIndex = PROCESS.indexOf(phase);
  return (
    <ol className="standpunt-phase-steps" aria-label={t('phase.steps')}>
      {steps.map((step, index) => {
        const current = step === phase;
        const done = currentIndex >= 0 && index < currentIndex;
        return (
          <li
            key={step}
            className="standpunt-phase-steps__step"
            data-state={current ? 'current' : done ? 'done' : 'todo'}
            aria-current={current ? 'step' : undefined}
          >
            <span aria-hidden="true" className="standpunt-phase-steps__marker">
              {current ? '●' : done ? '✓' : '○'}
            </span>
            {t(`phase.${step}`)}
            {current && (
              <span className="standpunt-phase-steps__note">{t('phase.currentStep')}</span>
            )}
            {done && <span className="standpunt-visually-hidden"> {t('phase.doneStep')}</span>}
          </li>
        );
      })}
    </ol>
  );
}
