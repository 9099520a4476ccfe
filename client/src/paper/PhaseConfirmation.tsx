import type { Phase } from '@standpunt/shared';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/useT';

interface PhaseConfirmationProps {
  from: Phase;
  to: Phase;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Fase wijzigen naar …?": says that the move cannot be undone, and what it means for the end. */
export function PhaseConfirmation({ from, to, busy, onConfirm, onCancel }: PhaseConfirmationProps) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const final = to === 'vastgesteld' || to === 'ingetrokken';

  return (
    <div
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      className="standpunt-confirm"
      data-final={final || undefined}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <Heading3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('phaseControl.confirmTitle', { phase: t(`phase.${to}`) })}
      </Heading3>
      <div id={`${id}-body`}>
        <Paragraph>
          {t('phaseControl.confirmBody', { from: t(`phase.${from}`), to: t(`phase.${to}`) })}
        </Paragraph>
        {to === 'vastgesteld' && <Paragraph>{t('phaseControl.confirmAdopt')}</Paragraph>}
        {to === 'ingetrokken' && <Paragraph>{t('phaseControl.confirmWithdraw')}</Paragraph>}
      </div>
      <ButtonGroup>
        <Button
          type="button"
          appearance="primary-action-button"
          busy={busy}
          disabled={busy}
          onClick={onConfirm}
        >
          {t('phaseControl.confirm', { phase: t(`phase.${to}`) })}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('phaseControl.cancel')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
