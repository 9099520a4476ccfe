import { organisationName, type AuditDetails, type PaperRole, type Phase } from '@standpunt/shared';
import { formatClosingMoment } from '../format/amsterdamTime';
import type { MessageKey } from '../i18n/nl';
import type { TranslateFn } from '../i18n/useT';

type LoginFailure = Extract<AuditDetails, { type: 'auth.login_failed' }>;
type UserUpdate = Extract<AuditDetails, { type: 'user.updated' }>;

export interface AuditSentenceContext {
  t: TranslateFn;
  locale: string;
  /** The name of the account with this id, when it is known. */
  personName: (userId: string) => string | undefined;
}

/**
 * One event of the audit trail as a sentence, e.g. "Rol van Anna de Vries gewijzigd: schrijver →
 * lezer". Who did it and on which paper are shown beside it, not in it.
 */
export function describeAuditEvent(event: AuditDetails, context: AuditSentenceContext): string {
  const { t, locale } = context;
  const lower = (text: string) => text.toLocaleLowerCase(locale);
  const phase = (value: Phase) => lower(t(`phase.${value}`));
  const role = (value: PaperRole) => lower(t(`role.${value}`));
  const person = (userId: string, fallback?: string) =>
    context.personName(userId) ?? fallback ?? t('audit.unknownPerson');

  switch (event.type) {
    case 'auth.login':
      return t('audit.event.login');
    case 'auth.login_failed':
      return t(LOGIN_FAILURES[event.reason], { email: event.email });
    case 'auth.logout':
      return t('audit.event.logout');
    case 'auth.sso_login':
      return t('audit.event.ssoLogin', { provider: event.providerName });
    case 'auth.sso_refused':
      return t(`audit.event.ssoRefused.${event.reason}`, {
        provider: event.providerName,
        email: event.email ?? '',
      });
    case 'user.created_by_sso':
      return t('audit.event.ssoAccountCreated', {
        email: event.email,
        organisation: organisationName(event.municipality),
        provider: event.providerName,
      });
    case 'user.created':
      return t(event.admin ? 'audit.event.adminCreated' : 'audit.event.userCreated', {
        name: person(event.userId, event.email),
        email: event.email,
      });
    case 'user.updated':
      return describeUserUpdate(event, { t, locale, name: person(event.userId, event.email) });
    case 'user.deactivated':
      return t('audit.event.userDeactivated', { name: person(event.userId, event.email) });
    case 'user.reactivated':
      return t('audit.event.userReactivated', { name: person(event.userId, event.email) });
    case 'user.imported':
      return t(event.invited ? 'audit.event.usersImportedInvited' : 'audit.event.usersImported', {
        created: event.created,
        existing: event.existing,
      });
    case 'user.invitation_sent':
      return t('audit.event.invitationSent', { name: person(event.userId, event.email) });
    case 'auth.invitation_accepted':
      return t('audit.event.invitationAccepted');
    case 'auth.password_reset_requested':
      return t(event.known ? 'audit.event.resetRequested' : 'audit.event.resetRequestedUnknown', {
        email: event.email,
      });
    case 'auth.password_reset':
      return t('audit.event.passwordReset');
    case 'auth.password_changed':
      return t('audit.event.passwordChanged');
    case 'paper.created':
      return t('audit.event.paperCreated', { title: event.title });
    case 'paper.renamed':
      return t('audit.event.paperRenamed', { from: event.from, to: event.to });
    case 'paper.phase_changed':
      return t('audit.event.phaseChanged', { from: phase(event.from), to: phase(event.to) });
    case 'paper.closing_date_set':
      return event.closesAt === null
        ? t('audit.event.closingDateRemoved')
        : t('audit.event.closingDateSet', { date: formatClosingMoment(event.closesAt, locale) });
    case 'member.role_set':
      return event.from === null
        ? t('audit.event.memberAdded', { name: person(event.userId), role: role(event.to) })
        : t('audit.event.roleChanged', {
            name: person(event.userId),
            from: role(event.from),
            to: role(event.to),
          });
    case 'member.removed':
      return t('audit.event.memberRemoved', { name: person(event.userId), role: role(event.role) });
    case 'collab.write_refused':
      return event.doc === 'content'
        ? t('audit.event.textWriteRefused')
        : t('audit.event.threadsWriteRefused');
    case 'thread.processed':
      return t('audit.event.threadProcessed', {
        kind: t(`audit.threadKind.${event.kind}`),
        organisation: organisationName(event.municipality),
        status: t(`audit.disposition.${event.status}`),
      });
    case 'draft.frozen':
      return t('audit.event.draftFrozen', { number: event.number });
    case 'draft.exported':
      return t('audit.event.draftExported', {
        number: event.number,
        format: event.format.toUpperCase(),
      });
    case 'reactienota.exported':
      return t('audit.event.reactienotaExported', { format: event.format.toUpperCase() });
    case 'archive.exported':
      return t('audit.event.archiveExported', { drafts: event.drafts });
    default:
      return exhaustiveSwitchError(event);
  }
}

const LOGIN_FAILURES = {
  credentials: 'audit.event.loginFailed',
  throttled: 'audit.event.loginThrottled',
  inactive: 'audit.event.loginInactive',
} as const satisfies Record<LoginFailure['reason'], MessageKey>;

const UPDATED_FIELDS = {
  name: 'audit.field.name',
  municipality: 'audit.field.organisation',
  admin: 'audit.field.admin',
} as const satisfies Record<UserUpdate['fields'][number], MessageKey>;

/**
 * A change of admin rights alone says which way it went; any other change names the fields
 * ("naam en organisatie"), since the record holds their values and the trail does not.
 */
function describeUserUpdate(
  event: UserUpdate,
  { t, locale, name }: { t: TranslateFn; locale: string; name: string },
): string {
  if (event.fields.length === 1 && event.fields[0] === 'admin') {
    return t(event.admin ? 'audit.event.adminGranted' : 'audit.event.adminRevoked', { name });
  }
  const fields = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    event.fields.map((field) => t(UPDATED_FIELDS[field])),
  );
  return t('audit.event.userUpdated', { name, fields });
}

function exhaustiveSwitchError(value: never): never {
  throw new Error(`Unknown audit event: ${JSON.stringify(value)}`);
}
