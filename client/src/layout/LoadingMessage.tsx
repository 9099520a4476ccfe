import { Paragraph } from '@utrecht/component-library-react';
import { useT } from '../i18n/useT';

/** "Laden…", announced politely to screen readers. */
export function LoadingMessage({ text }: { text?: string }) {
  const t = useT();
  return (
    <Paragraph role="status" className="standpunt-loading">
      {text ?? t('app.loading')}
    </Paragraph>
  );
}
