import { organisationName, type AuditDetails, type PaperRole, type Phase } from '@standpunt/shared';
import { formatClosingMoment } from '../format/amsterdamTime';
import type { TranslateFn } from '../i18n/useT';

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
      return event.reason === 'throttled'
        ? t('audit.event.loginThrottled', { email: event.email })
        : t('audit.event.loginFailed', { email: event.email });
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

function exhaustiveSwitchError(value: never): never {
  throw new Error(`Unknown audit event: ${JSON.stringify(value)}`);
}
