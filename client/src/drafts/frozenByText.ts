import { organisationName, type AuditActor } from '@standpunt/shared';
import type { TranslateFn } from '../i18n/useT';

/** "Eva Redacteur (Amsterdam)": who froze a draft, with their organisation. */
export function frozenByText(actor: AuditActor, t: TranslateFn): string {
  return t('drafts.person', {
    name: actor.name,
    organisation: organisationName(actor.municipality),
  });
}

/** The start of a sha256, enough to tell drafts apart at a glance. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}
