import { PageFooter, SkipLink } from '@utrecht/component-library-react';
import { Outlet } from 'react-router';
import { useT } from '../i18n/useT';
import { AppHeader } from './AppHeader';

/** Skip link, header, the page in <main>, footer. */
export function AppLayout() {
  const t = useT();
  return (
    <div className="standpunt-page">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <AppHeader />
      <main id="main" tabIndex={-1} className="standpunt-main">
        <Outlet />
      </main>
      <PageFooter className="standpunt-footer">
        <p className="standpunt-footer__text">{t('app.tagline')}</p>
      </PageFooter>
    </div>
  );
}
