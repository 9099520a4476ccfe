import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useT } from '../i18n/useT';

/** What a page that failed to render shows: what happened and a way out. */
export function PageError() {
  const t = useT();
  return (
    <Alert type="error" role="alert">
      <Paragraph>{t('app.pageFailed')}</Paragraph>
      <Button appearance="secondary-action-button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </Button>
    </Alert>
  );
}
