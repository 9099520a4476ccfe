import type { SsoProviderSummary } from '@standpunt/shared';
import { ButtonLink, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useT } from '../i18n/useT';
import { ssoStartHref } from './ssoStartHref';

/** One button per single sign-on provider; links, since each leaves the app for the provider. */
export function SsoProviderList({
  providers,
  returnTo,
}: {
  providers: readonly SsoProviderSummary[];
  returnTo: string;
}) {
  const t = useT();
  return (
    <section className="standpunt-sso" aria-labelledby="login-sso-title">
      <Heading2 id="login-sso-title">{t('login.sso.title')}</Heading2>
      <Paragraph>{t('login.sso.intro')}</Paragraph>
      <ul className="standpunt-sso__providers">
        {providers.map((provider) => (
          <li key={provider.id}>
            <ButtonLink
              appearance="secondary-action-button"
              href={ssoStartHref(provider.id, returnTo)}
            >
              {t('login.sso.button', { name: provider.name })}
            </ButtonLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
