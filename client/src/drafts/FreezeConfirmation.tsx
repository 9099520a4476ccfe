import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/useT';
import { SectionHeading, type SectionLevel } from './SectionHeading';

interface FreezeConfirmationProps {
  label: string;
  level: SectionLevel;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "‘…’ vastleggen?": says that a frozen draft is permanent before it is made. */
export function FreezeConfirmation({
  label,
  level,
  busy,
  onConfirm,
  onCancel,
}: FreezeConfirmationProps) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <div
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      className="standpunt-confirm"
      data-final
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <SectionHeading level={level} id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('drafts.freeze.confirmTitle', { label })}
      </SectionHeading>
      <Paragraph id={`${id}-body`}>{t('drafts.freeze.confirmBody')}</Paragraph>
      <ButtonGroup>
        <Button
          type="button"
          appearance="primary-action-button"
          busy={busy}
          disabled={busy}
          onClick={onConfirm}
        >
          {t('drafts.freeze.confirm')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('drafts.freeze.cancel')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
