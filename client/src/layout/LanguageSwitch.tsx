import { Button } from '@utrecht/component-library-react';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';

/** One button that switches to the other language, labelled in that language. */
export function LanguageSwitch() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  return (
    <Button
      appearance="subtle-button"
      className="standpunt-header__language"
      lang={t('header.switchLanguageLang')}
      onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}
    >
      {t('header.switchLanguage')}
    </Button>
  );
}
