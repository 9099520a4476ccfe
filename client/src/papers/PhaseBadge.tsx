import type { Phase } from '@standpunt/shared';
import { StatusBadge } from '@utrecht/component-library-react';
import { useT } from '../i18n/useT';

const BADGE_STATUS: Record<Phase, string> = {
  concept: 'neutral',
  consultatie: 'active',
  voorgedragen: 'warning',
  vastgesteld: 'success',
  ingetrokken: 'inactive',
};

/** The phase of a paper as a small label. */
export function PhaseBadge({ phase }: { phase: Phase }) {
  const t = useT();
  return <StatusBadge status={BADGE_STATUS[phase]}>{t(`phase.${phase}`)}</StatusBadge>;
}
