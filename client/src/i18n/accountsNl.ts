import type { AccountStatus } from '../admin/accountView';
import type { SignInMethod } from '@standpunt/shared';

/** The status of each account in the list. */
const statuses = {
  'accounts.status.active': 'Actief',
  'accounts.status.invited': 'Uitgenodigd',
  'accounts.status.sso': 'Alleen via eenmalige aanmelding (SSO)',
  'accounts.status.deactivated': 'Gedeactiveerd',
} satisfies Record<`accounts.status.${AccountStatus}`, string>;

/** How one signs in, on one's own account page. */
const signInMethods = {
  'account.signIn.password': 'Met e-mailadres en wachtwoord',
  'account.signIn.invited': 'Nog geen wachtwoord gekozen',
  'account.signIn.sso': 'Via de inlogdienst van uw organisatie (eenmalige aanmelding)',
} satisfies Record<`account.signIn.${SignInMethod}`, string>;

/**
 * Dutch strings of accounts: the list and import in Beheer, the pages of a mail's link, the
 * forgotten password, one's own account page, and their events in the audit trail; spread
 * into {@link nl}.
 */
export const accountsNl = {
  'header.account': 'Mijn account',
  'login.forgotPassword': 'Wachtwoord vergeten?',

  'accounts.filters': 'Accounts zoeken',
  'accounts.filter.q': 'Naam of e-mailadres',
  'accounts.filter.organisation': 'Organisatie',
  'accounts.filter.anyOrganisation': 'Alle organisaties',
  'accounts.filter.status': 'Status',
  'accounts.filter.anyStatus': 'Actief en gedeactiveerd',
  'accounts.filter.active': 'Alleen actieve accounts',
  'accounts.filter.inactive': 'Alleen gedeactiveerde accounts',
  'accounts.filter.admin': 'Beheerders',
  'accounts.filter.anyAdmin': 'Beheerders en anderen',
  'accounts.filter.adminOnly': 'Alleen beheerders',
  'accounts.filter.notAdmin': 'Geen beheerders',
  'accounts.filter.submit': 'Zoeken',
  'accounts.filter.reset': 'Filters wissen',
  'accounts.range': 'Accounts {first}–{last} van {total}',
  'accounts.none': 'Geen accounts gevonden.',
  'accounts.pastEnd': 'Op deze pagina staan geen accounts meer; er zijn er {total}.',
  'accounts.caption': 'Accounts, op naam gesorteerd',
  'accounts.column.status': 'Status',
  'accounts.column.actions': 'Acties',
  'accounts.you': '(u)',
  'accounts.pages': 'Bladeren door de accounts',
  'accounts.previous': 'Vorige pagina',
  'accounts.next': 'Volgende pagina',
  ...statuses,

  'accounts.action.deactivate': 'Deactiveren',
  'accounts.action.deactivateLabel': '{name} deactiveren',
  'accounts.action.reactivate': 'Heractiveren',
  'accounts.action.reactivateLabel': '{name} heractiveren',
  'accounts.action.makeAdmin': 'Beheerder maken',
  'accounts.action.makeAdminLabel': '{name} beheerder maken',
  'accounts.action.revokeAdmin': 'Beheerrechten intrekken',
  'accounts.action.revokeAdminLabel': 'Beheerrechten intrekken van {name}',
  'accounts.action.resend': 'Uitnodiging opnieuw sturen',
  'accounts.action.resendLabel': 'Uitnodiging opnieuw sturen aan {name}',
  'accounts.confirm.deactivate': '{name} deactiveren?',
  'accounts.confirm.deactivateBody':
    'Met dit account kan dan niet meer worden ingelogd; wie nu is ingelogd, wordt meteen uitgelogd. U kunt het account later weer activeren.',
  'accounts.confirm.deactivateYes': 'Ja, deactiveren',
  'accounts.confirm.reactivate': '{name} heractiveren?',
  'accounts.confirm.reactivateBody': 'Met dit account kan dan weer worden ingelogd.',
  'accounts.confirm.reactivateYes': 'Ja, heractiveren',
  'accounts.confirm.makeAdmin': '{name} beheerder maken?',
  'accounts.confirm.makeAdminBody':
    'Een beheerder maakt en wijzigt accounts, kan ze deactiveren en ziet het hele logboek.',
  'accounts.confirm.makeAdminYes': 'Ja, beheerder maken',
  'accounts.confirm.revokeAdmin': 'Beheerrechten van {name} intrekken?',
  'accounts.confirm.revokeAdminBody':
    '{name} kan daarna geen accounts meer beheren en ziet in het logboek alleen de eigen positionpapers.',
  'accounts.confirm.revokeAdminYes': 'Ja, intrekken',
  'accounts.confirm.cancel': 'Annuleren',
  'accounts.done.deactivated': '{name} is gedeactiveerd.',
  'accounts.done.reactivated': '{name} is weer actief.',
  'accounts.done.admin': '{name} is nu beheerder.',
  'accounts.done.notAdmin': '{name} is geen beheerder meer.',
  'accounts.done.invited':
    'Er is een nieuwe uitnodiging gestuurd aan {name} ({email}). De link in een eerdere uitnodiging werkt niet meer.',

  'admin.new.passwordOptional': 'Wachtwoord (niet verplicht)',
  'admin.new.inviteHint':
    'Laat dit leeg: dan krijgt de persoon een uitnodiging per e-mail en kiest zelf een wachtwoord. Vult u toch een wachtwoord in, gebruik dan minstens {min} tekens en geef het veilig door.',
  'admin.new.createdInvited':
    'Account aangemaakt voor {name}. De uitnodiging is verstuurd naar {email}.',

  'import.title': 'Accounts importeren',
  'import.intro':
    'Maak veel accounts tegelijk aan met een CSV- of JSON-bestand. Het bestand wordt eerst gecontroleerd; pas daarna importeert u het echt. Accounts die al bestaan, blijven zoals ze zijn.',
  'import.formatLead': 'De eerste regel van een CSV-bestand is:',
  'import.formatRules':
    'Scheid de velden met komma’s of puntkomma’s. Organisatie (municipality): een CBS-gemeentecode zoals GM0363, VNG, of de naam van de gemeente precies zoals CBS die schrijft. Beheerder (admin): true of false; mag ontbreken. Een JSON-bestand heeft een lijst users met dezelfde velden.',
  'import.sample': 'Voorbeeldbestand downloaden (CSV)',
  'import.file': 'Bestand (CSV of JSON)',
  'import.fileHint': 'Hoogstens {size} MB.',
  'import.invite': 'Uitnodigingen versturen',
  'import.inviteHint':
    'Iedere nieuwe persoon krijgt een e-mail met een link om zelf een wachtwoord te kiezen. Zonder uitnodiging kan een account pas inloggen als u later een uitnodiging stuurt, of via de inlogdienst van de gemeente.',
  'import.check': 'Bestand controleren',
  'import.checking': 'Het bestand wordt gecontroleerd…',
  'import.importing': 'De accounts worden aangemaakt…',
  'import.chooseFile': 'Kies eerst een bestand.',
  'import.tooLarge': 'Dit bestand is te groot: het mag hoogstens {size} MB zijn.',
  'import.unreadable': 'Dit bestand kon niet worden gelezen.',
  'import.report.title': 'Controle van {file}',
  'import.report.summary':
    'Regels: {lines}. Nieuwe accounts: {created}. Bestaan al: {existing}. Er is nog niets geïmporteerd.',
  'import.report.caption': 'Wat de import met elke regel van het bestand doet',
  'import.column.line': 'Regel',
  'import.column.outcome': 'Uitkomst',
  'import.column.error': 'Fout',
  'import.outcome.created': 'Wordt aangemaakt',
  'import.outcome.existing': 'Bestaat al',
  'import.nothing': 'Er is niets te importeren: alle accounts bestaan al.',
  'import.confirm': 'Importeren ({count} nieuw)',
  'import.confirmInvite': 'Importeren en uitnodigen ({count} nieuw)',
  'import.cancel': 'Annuleren',
  'import.errors.title': '{file} is niet geïmporteerd',
  'import.errors.intro': 'Verbeter deze regels in het bestand en controleer het daarna opnieuw.',
  'import.errors.caption': 'Regels met fouten, met de regelnummers van het bestand',
  'import.done.title': '{file} is geïmporteerd',
  'import.done': 'Aangemaakt: {created}. Bestonden al: {existing}.',
  'import.done.invited':
    'Aangemaakt en per e-mail uitgenodigd: {created}. Bestonden al: {existing}.',

  'password.new': 'Nieuw wachtwoord',
  'password.repeat': 'Herhaal het nieuwe wachtwoord',
  'password.hint':
    'Minstens {min} tekens. Een zin van een paar woorden is lang en toch goed te onthouden.',
  'password.mismatch': 'De twee wachtwoorden zijn niet gelijk. Typ het nieuwe wachtwoord nog eens.',

  'welcome.title': 'Welkom bij Standpunt',
  'welcome.checking': 'Uitnodiging controleren…',
  'welcome.greeting': 'Welkom, {name}',
  'welcome.intro': 'Kies een wachtwoord voor uw account {email}. Daarna bent u meteen ingelogd.',
  'welcome.submit': 'Wachtwoord opslaan en inloggen',
  'reset.title': 'Nieuw wachtwoord kiezen',
  'reset.checking': 'Link controleren…',
  'reset.greeting': 'Nieuw wachtwoord voor {name}',
  'reset.intro':
    'Kies een nieuw wachtwoord voor uw account {email}. Daarna bent u ingelogd; op andere plaatsen wordt u uitgelogd.',
  'reset.submit': 'Wachtwoord opslaan en inloggen',
  'linkGone.title': 'Deze link werkt niet meer',
  'linkGone.body': 'De link is al gebruikt, vervangen door een nieuwere of verlopen.',
  'linkGone.invitation':
    'Vraag uw beheerder om een nieuwe uitnodiging, of vraag hieronder zelf een link aan om een wachtwoord te kiezen.',
  'linkGone.reset': 'Vraag hieronder een nieuwe link aan.',
  'linkGone.request': 'Nieuwe link aanvragen',
  'linkGone.login': 'Naar de inlogpagina',

  'forgot.title': 'Wachtwoord vergeten',
  'forgot.intro':
    'Vul het e-mailadres van uw account in. U krijgt dan een e-mail met een link om een nieuw wachtwoord te kiezen.',
  'forgot.sso':
    'Logt u in via de inlogdienst van uw organisatie? Dan hebt u in Standpunt geen wachtwoord; neem bij problemen contact op met de helpdesk van uw organisatie.',
  'forgot.email': 'E-mailadres',
  'forgot.submit': 'Link aanvragen',
  'forgot.sent':
    'Als er een account bij dit adres hoort, ontvangt u een e-mail met een link om een nieuw wachtwoord te kiezen. De link werkt {minutes} minuten. Kijk ook bij uw ongewenste e-mail.',
  'forgot.backToLogin': 'Terug naar inloggen',

  'account.title': 'Mijn account',
  'account.details': 'Gegevens',
  'account.name': 'Naam',
  'account.email': 'E-mailadres',
  'account.organisation': 'Organisatie',
  'account.signIn': 'Inloggen',
  'account.admin': 'Beheerder',
  'account.detailsHint':
    'Klopt uw naam of organisatie niet? Vraag uw beheerder om die aan te passen.',
  'account.noPassword':
    'U logt in via de inlogdienst van uw organisatie en hebt in Standpunt geen wachtwoord.',
  ...signInMethods,
  'sessions.title': 'Waar u bent ingelogd',
  'sessions.intro':
    'Elke sessie is een browser waarin u bent ingelogd. Herkent u er een niet, beëindig die dan en wijzig uw wachtwoord.',
  'sessions.loading': 'Sessies laden…',
  'sessions.caption': 'Uw sessies, nieuwste eerst',
  'sessions.column.created': 'Ingelogd op',
  'sessions.column.expires': 'Verloopt op',
  'sessions.column.end': 'Sessie',
  'sessions.current': 'Deze sessie',
  'sessions.end': 'Beëindigen',
  'sessions.endLabel': 'Beëindigen: sessie van {date}',
  'sessions.ended': 'De sessie van {date} is beëindigd.',
  'changePassword.title': 'Wachtwoord wijzigen',
  'changePassword.intro': 'Na het wijzigen wordt u overal uitgelogd, behalve hier.',
  'changePassword.current': 'Huidig wachtwoord',
  'changePassword.submit': 'Wachtwoord wijzigen',
  'changePassword.done': 'Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd.',

  'audit.event.loginInactive': 'Inlogpoging op een gedeactiveerd account ({email})',
  'audit.event.userUpdated': 'Account van {name} gewijzigd: {fields}',
  'audit.field.name': 'naam',
  'audit.field.organisation': 'organisatie',
  'audit.field.admin': 'beheerrechten',
  'audit.event.adminGranted': '{name} is beheerder gemaakt',
  'audit.event.adminRevoked': 'Beheerrechten van {name} ingetrokken',
  'audit.event.userDeactivated': 'Account van {name} gedeactiveerd',
  'audit.event.userReactivated': 'Account van {name} weer geactiveerd',
  'audit.event.usersImported':
    'Accounts geïmporteerd: {created} aangemaakt, {existing} bestonden al; geen uitnodigingen verstuurd',
  'audit.event.usersImportedInvited':
    'Accounts geïmporteerd: {created} aangemaakt en uitgenodigd, {existing} bestonden al',
  'audit.event.invitationSent': 'Uitnodiging verstuurd aan {name}',
  'audit.event.invitationAccepted': 'Wachtwoord gekozen via de uitnodiging',
  'audit.event.resetRequested': 'Nieuw wachtwoord aangevraagd voor {email}',
  'audit.event.resetRequestedUnknown':
    'Nieuw wachtwoord aangevraagd voor {email}; daar hoort geen actief account met wachtwoord bij, er is geen e-mail verstuurd',
  'audit.event.passwordReset': 'Nieuw wachtwoord gekozen via de link in de e-mail',
  'audit.event.passwordChanged': 'Eigen wachtwoord gewijzigd',
} as const;
