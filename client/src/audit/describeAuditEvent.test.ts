import { SSO_ACCOUNT_REFUSALS, type AuditDetails } from '@standpunt/shared';
import { describe, expect, it } from 'vitest';
import { translate, type Language } from '../i18n/translate';
import type { TranslateFn } from '../i18n/useT';
import { describeAuditEvent } from './describeAuditEvent';

const NAMES: Record<string, string> = { u1: 'Anna de Vries' };

const AMSTERDAM = { provider: 'amsterdam', providerName: 'Gemeente Amsterdam' };
const SSO_EVENTS: AuditDetails[] = [
  { type: 'auth.sso_login', email: 'a@amsterdam.nl', ...AMSTERDAM },
  {
    type: 'user.created_by_sso',
    userId: 'u3',
    email: 'a@amsterdam.nl',
    municipality: 'GM0363',
    ...AMSTERDAM,
  },
  ...SSO_ACCOUNT_REFUSALS.map((reason) => ({
    type: 'auth.sso_refused' as const,
    email: reason === 'email_missing' ? null : 'a@amsterdam.nl',
    reason,
    ...AMSTERDAM,
  })),
];

const ACCOUNT_EVENTS: AuditDetails[] = [
  { type: 'auth.login_failed', email: 'a@b.nl', reason: 'inactive' },
  { type: 'user.updated', userId: 'u1', email: 'a@b.nl', fields: ['admin'], admin: true },
  { type: 'user.updated', userId: 'u1', email: 'a@b.nl', fields: ['admin'], admin: false },
  { type: 'user.updated', userId: 'u1', email: 'a@b.nl', fields: ['name'], admin: false },
  { type: 'user.deactivated', userId: 'u1', email: 'a@b.nl' },
  { type: 'user.reactivated', userId: 'u1', email: 'a@b.nl' },
  { type: 'user.imported', created: 3, existing: 1, invited: true },
  { type: 'user.imported', created: 3, existing: 0, invited: false },
  { type: 'user.invitation_sent', userId: 'u1', email: 'a@b.nl' },
  { type: 'auth.invitation_accepted', email: 'a@b.nl' },
  { type: 'auth.password_reset_requested', email: 'a@b.nl', known: true },
  { type: 'auth.password_reset_requested', email: 'x@b.nl', known: false },
  { type: 'auth.password_reset', email: 'a@b.nl' },
  { type: 'auth.password_changed', email: 'a@b.nl' },
];

function describe_(event: AuditDetails, language: Language = 'nl'): string {
  const t: TranslateFn = (key, params) => translate(language, key, params);
  return describeAuditEvent(event, {
    t,
    locale: language === 'nl' ? 'nl-NL' : 'en-GB',
    personName: (id) => NAMES[id],
  });
}

describe('describeAuditEvent', () => {
  it('writes role changes with the name of the member', () => {
    expect(describe_({ type: 'member.role_set', userId: 'u1', from: 'writer', to: 'reader' })).toBe(
      'Rol van Anna de Vries gewijzigd: schrijver → lezer',
    );
    expect(describe_({ type: 'member.role_set', userId: 'u1', from: null, to: 'editor' })).toBe(
      'Anna de Vries toegevoegd als redacteur',
    );
    expect(describe_({ type: 'member.removed', userId: 'u1', role: 'commenter' })).toBe(
      'Anna de Vries verwijderd (was commentator)',
    );
  });

  it('falls back when the member is not in the directory', () => {
    expect(describe_({ type: 'member.removed', userId: 'gone', role: 'reader' })).toBe(
      'Onbekend account verwijderd (was lezer)',
    );
  });

  it('writes phase changes in lower case', () => {
    expect(describe_({ type: 'paper.phase_changed', from: 'concept', to: 'consultatie' })).toBe(
      'Fase gewijzigd: concept → consultatie',
    );
  });

  it('names the address of a failed sign-in', () => {
    expect(
      describe_({ type: 'auth.login_failed', email: 'anna@example.nl', reason: 'credentials' }),
    ).toBe('Mislukte inlogpoging (anna@example.nl)');
    expect(
      describe_({ type: 'auth.login_failed', email: 'anna@example.nl', reason: 'throttled' }),
    ).toContain('anna@example.nl');
  });

  it('names the provider of a single sign-on, and the organisation of an account it made', () => {
    const [login, created] = SSO_EVENTS;
    expect(describe_(login!)).toBe('Ingelogd via Gemeente Amsterdam');
    expect(describe_(created!)).toBe(
      'Account aangemaakt voor a@amsterdam.nl (Amsterdam) bij de eerste keer inloggen via Gemeente Amsterdam',
    );
    expect(
      describe_({
        type: 'auth.sso_refused',
        email: 'a@amsterdam.nl',
        reason: 'email_taken',
        ...AMSTERDAM,
      }),
    ).toBe(
      'Inloggen via Gemeente Amsterdam geweigerd voor a@amsterdam.nl: er bestaat al een account met dit adres dat niet aan deze inlogdienst gekoppeld is',
    );
  });

  it('says which way admin rights went, and names the other fields that changed', () => {
    const update = { type: 'user.updated', userId: 'u1', email: 'anna@b.nl' } as const;
    expect(describe_({ ...update, fields: ['admin'], admin: true })).toBe(
      'Anna de Vries is beheerder gemaakt',
    );
    expect(describe_({ ...update, fields: ['admin'], admin: false })).toBe(
      'Beheerrechten van Anna de Vries ingetrokken',
    );
    expect(describe_({ ...update, fields: ['name', 'municipality'], admin: false })).toBe(
      'Account van Anna de Vries gewijzigd: naam en organisatie',
    );
    expect(
      describe_({ ...update, fields: ['name', 'municipality', 'admin'], admin: true }, 'en'),
    ).toBe('Account of Anna de Vries changed: name, organisation and admin rights');
  });

  it('names the account by its address when it is not in the directory', () => {
    expect(describe_({ type: 'user.deactivated', userId: 'gone', email: 'oud@b.nl' })).toBe(
      'Account van oud@b.nl gedeactiveerd',
    );
    expect(describe_({ type: 'user.invitation_sent', userId: 'u1', email: 'anna@b.nl' })).toBe(
      'Uitnodiging verstuurd aan Anna de Vries',
    );
  });

  it('counts what an import made and says whether it invited', () => {
    expect(describe_({ type: 'user.imported', created: 3, existing: 1, invited: true })).toBe(
      'Accounts geïmporteerd: 3 aangemaakt en uitgenodigd, 1 bestonden al',
    );
    expect(describe_({ type: 'user.imported', created: 2, existing: 0, invited: false })).toContain(
      'geen uitnodigingen',
    );
  });

  it('tells a reset asked for an unknown address from one that sent a mail', () => {
    expect(describe_({ type: 'auth.password_reset_requested', email: 'a@b.nl', known: true })).toBe(
      'Nieuw wachtwoord aangevraagd voor a@b.nl',
    );
    expect(
      describe_({ type: 'auth.password_reset_requested', email: 'x@b.nl', known: false }),
    ).toContain('geen e-mail verstuurd');
  });

  it('tells a sign-in refused for a deactivated account from a wrong password', () => {
    expect(describe_({ type: 'auth.login_failed', email: 'a@b.nl', reason: 'inactive' })).toBe(
      'Inlogpoging op een gedeactiveerd account (a@b.nl)',
    );
  });

  it('writes closing dates in Amsterdam time', () => {
    expect(
      describe_({ type: 'paper.closing_date_set', closesAt: '2027-03-01T16:00:00.000Z' }),
    ).toBe('Sluitingsdatum consultatie gezet op 1 maart 2027, 17:00');
    expect(describe_({ type: 'paper.closing_date_set', closesAt: null })).toBe(
      'Sluitingsdatum consultatie verwijderd',
    );
  });

  it('names the municipality whose thread was processed', () => {
    expect(
      describe_({
        type: 'thread.processed',
        threadId: 't1',
        kind: 'suggestion',
        status: 'accepted',
        municipality: 'GM0363',
      }),
    ).toBe('Wijzigingsvoorstel van Amsterdam overgenomen');
  });

  it('names the draft and the format of an export', () => {
    expect(describe_({ type: 'draft.exported', number: 2, format: 'pdf', sha256: 'ab' })).toBe(
      'Versie 2 geëxporteerd als PDF',
    );
  });

  it('has a sentence for every kind of event, in both languages', () => {
    const events: AuditDetails[] = [
      { type: 'auth.login', email: 'a@b.nl' },
      { type: 'auth.logout' },
      { type: 'user.created', userId: 'u2', email: 'b@b.nl', admin: false },
      { type: 'user.created', userId: 'u1', email: 'a@b.nl', admin: true },
      ...SSO_EVENTS,
      ...ACCOUNT_EVENTS,
      { type: 'paper.created', title: 'Samen regelen' },
      { type: 'paper.renamed', from: 'Oud', to: 'Nieuw' },
      { type: 'collab.write_refused', doc: 'content' },
      { type: 'collab.write_refused', doc: 'threads' },
      { type: 'draft.frozen', number: 2, sha256: 'ab' },
      { type: 'reactienota.exported', format: 'csv', sha256: 'ab' },
      { type: 'archive.exported', drafts: 3, sha256: 'ab' },
      ...(['open', 'rejected', 'resolved'] as const).map((status) => ({
        type: 'thread.processed' as const,
        threadId: 't2',
        kind: 'comment' as const,
        status,
        municipality: 'VNG',
      })),
    ];
    for (const language of ['nl', 'en'] as const) {
      for (const event of events) {
        const sentence = describe_(event, language);
        expect(sentence).not.toMatch(/\{\w+\}/);
        expect(sentence.length).toBeGreaterThan(3);
      }
    }
    expect(describe_({ type: 'user.created', userId: 'u2', email: 'b@b.nl', admin: false })).toBe(
      'Account aangemaakt voor b@b.nl',
    );
    expect(describe_({ type: 'paper.renamed', from: 'Oud', to: 'Nieuw' }, 'en')).toBe(
      'Title changed: Oud → Nieuw',
    );
  });
});
