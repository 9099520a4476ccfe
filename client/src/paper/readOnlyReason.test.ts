import { PAPER_ROLES, PHASES, canEditText } from '@standpunt/shared';
import { describe, expect, it } from 'vitest';
import { readOnlyReason } from './readOnlyReason';

const member = (role: (typeof PAPER_ROLES)[number] | null, admin = false) => ({ admin, role });

describe('readOnlyReason', () => {
  it('gives no reason to whoever may edit the text', () => {
    expect(readOnlyReason(member('editor'), 'concept')).toBeNull();
    expect(readOnlyReason(member('writer'), 'consultatie')).toBeNull();
    expect(readOnlyReason(member('editor'), 'voorgedragen')).toBeNull();
  });

  it('names the role of commenters and readers', () => {
    expect(readOnlyReason(member('commenter'), 'concept')).toBe('commenter');
    expect(readOnlyReason(member('commenter'), 'consultatie')).toBe('commenter');
    expect(readOnlyReason(member('reader'), 'concept')).toBe('reader');
  });

  it('tells non-members in consultatie that they may read and respond', () => {
    expect(readOnlyReason(member(null), 'consultatie')).toBe('notMemberConsultation');
    expect(readOnlyReason(member(null, true), 'consultatie')).toBe('notMemberConsultation');
    expect(readOnlyReason(member(null, true), 'concept')).toBe('notMember');
  });

  it('puts the phase before the role once only editors, or nobody, may edit', () => {
    expect(readOnlyReason(member('writer'), 'voorgedragen')).toBe('voorgedragen');
    expect(readOnlyReason(member('commenter'), 'voorgedragen')).toBe('voorgedragen');
    expect(readOnlyReason(member('editor'), 'vastgesteld')).toBe('vastgesteld');
    expect(readOnlyReason(member('writer'), 'ingetrokken')).toBe('ingetrokken');
    expect(readOnlyReason(member(null, true), 'ingetrokken')).toBe('ingetrokken');
  });

  it('has a reason exactly when canEditText says no', () => {
    for (const phase of PHASES) {
      for (const role of [...PAPER_ROLES, null]) {
        for (const admin of [false, true]) {
          const actor = member(role, admin);
          expect(readOnlyReason(actor, phase) === null).toBe(canEditText(actor, phase));
        }
      }
    }
  });
});
