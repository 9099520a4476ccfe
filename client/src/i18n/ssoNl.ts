import type { SsoAccountRefusal, SsoFailure } from '@standpunt/shared';

/** Why a sign-in through a provider did not happen: one sentence for every reason the server sends. */
const failures = {
  'login.sso.failure.unknown_provider':
    'Deze inlogdienst is niet (meer) ingesteld. Kies een andere manier om in te loggen.',
  'login.sso.failure.provider_unreachable':
    'De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
  'login.sso.failure.flow_invalid':
    'Het inloggen is verlopen of niet in dit venster begonnen. Probeer het opnieuw.',
  'login.sso.failure.provider_refused':
    'De inlogdienst heeft het inloggen niet afgerond. Probeer het opnieuw, of neem contact op met de helpdesk van uw organisatie.',
  'login.sso.failure.token_invalid':
    'Het antwoord van de inlogdienst kon niet worden gecontroleerd, daarom bent u niet ingelogd. Lukt het opnieuw proberen niet, neem dan contact op met de beheerder.',
  'login.sso.failure.email_missing':
    'De inlogdienst gaf geen bevestigd e-mailadres door. Vraag de helpdesk van uw organisatie om dat in te stellen.',
  'login.sso.failure.organisation_unknown':
    'De inlogdienst gaf geen bekende gemeente door, daarom is er geen account aangemaakt. Neem contact op met de beheerder.',
  'login.sso.failure.email_taken':
    'Er bestaat al een account met uw e-mailadres dat niet via deze inlogdienst inlogt. Log in met uw e-mailadres en wachtwoord, of neem contact op met de beheerder.',
  'login.sso.failure.account_inactive':
    'Uw account is gedeactiveerd. Neem contact op met de beheerder.',
  'login.sso.failure.failed': 'Inloggen via de inlogdienst is mislukt. Probeer het opnieuw.',
} satisfies Record<`login.sso.failure.${SsoFailure}`, string>;

/** The audit trail's sentence for each refusal once the provider vouched for the person. */
const refusals = {
  'audit.event.ssoRefused.email_missing':
    'Inloggen via {provider} geweigerd: geen bevestigd e-mailadres doorgegeven',
  'audit.event.ssoRefused.organisation_unknown':
    'Inloggen via {provider} geweigerd voor {email}: geen bekende gemeente doorgegeven',
  'audit.event.ssoRefused.email_taken':
    'Inloggen via {provider} geweigerd voor {email}: er bestaat al een account met dit adres dat niet aan deze inlogdienst gekoppeld is',
  'audit.event.ssoRefused.account_inactive':
    'Inloggen via {provider} geweigerd voor {email}: het account is gedeactiveerd',
} satisfies Record<`audit.event.ssoRefused.${SsoAccountRefusal}`, string>;

/** Dutch strings of single sign-on (login page, audit trail); spread into {@link nl}. */
export const ssoNl = {
  'login.sso.title': 'Inloggen via uw organisatie',
  'login.sso.intro': 'Heeft uw organisatie een eigen inlogdienst? Log dan daarmee in.',
  'login.sso.button': 'Inloggen via {name}',
  'login.sso.match': 'Met een e-mailadres op {domain} logt u in via {name}.',
  'login.sso.continue': 'Verder naar {name}',
  'login.sso.passwordOptional':
    'Laat het wachtwoord leeg om via {name} in te loggen, of vul het in als u een eigen wachtwoord hebt.',
  'login.password.title': 'Inloggen met e-mailadres en wachtwoord',
  ...failures,

  'audit.event.ssoLogin': 'Ingelogd via {provider}',
  'audit.event.ssoAccountCreated':
    'Account aangemaakt voor {email} ({organisation}) bij de eerste keer inloggen via {provider}',
  ...refusals,
} as const;
