import { describe, expect, it } from 'vitest';
import { PHASES } from './domain.js';
import {
  canEditText,
  canManagePaper,
  canMovePhase,
  canReadPaper,
  canRespond,
} from './permissions.js';

const member = (role: 'editor' | 'writer' | 'commenter' | 'reader' | null, admin = false) => ({
  role,
  admin,
});

describe('permissions', () => {
  it('lets editors and writers edit the text in concept and consultatie only', () => {
    expect(canEditText(member('writer'), 'concept')).toBe(true);
    expect(canEditText(member('writer'), 'consultatie')).toBe(true);
    expect(canEditText(member('writer'), 'voorgedragen')).toBe(false);
    expect(canEditText(member('editor'), 'voorgedragen')).toBe(true);
    expect(canEditText(member('commenter'), 'concept')).toBe(false);
    expect(canEditText(member('reader'), 'concept')).toBe(false);
    for (const phase of ['vastgesteld', 'ingetrokken'] as const) {
      expect(canEditText(member('editor'), phase)).toBe(false);
    }
  });

  it('opens a paper in consultatie to every signed-in account', () => {
    expect(canReadPaper(member(null), 'concept')).toBe(false);
    expect(canReadPaper(member(null), 'consultatie')).toBe(true);
    expect(canReadPaper(member(null, true), 'concept')).toBe(true);
    expect(canReadPaper(member('reader'), 'vastgesteld')).toBe(true);
  });

  it('lets only editors and admins manage, and nobody after adoption or withdrawal', () => {
    expect(canManagePaper(member('editor'), 'concept')).toBe(true);
    expect(canManagePaper(member('writer'), 'concept')).toBe(false);
    expect(canManagePaper(member(null, true), 'consultatie')).toBe(true);
    expect(canManagePaper(member('editor'), 'vastgesteld')).toBe(false);
  });

  it('lets members respond in concept, everyone in consultatie until it closes, nobody later', () => {
    const now = '2026-12-06T12:00:00.000Z';
    const expected: Record<string, boolean[]> = {
      // editor, writer, commenter, reader, outsider, admin who is no member
      concept: [true, true, true, false, false, false],
      consultatie: [true, true, true, true, true, true],
      voorgedragen: [false, false, false, false, false, false],
      vastgesteld: [false, false, false, false, false, false],
      ingetrokken: [false, false, false, false, false, false],
    };
    const actors = [
      member('editor'),
      member('writer'),
      member('commenter'),
      member('reader'),
      member(null),
      member(null, true),
    ];
    for (const phase of PHASES) {
      expect(
        actors.map((actor) => canRespond(actor, phase, null, now)),
        phase,
      ).toStrictEqual(expected[phase]);
    }
    // The closing date ends the consultation for everyone, at the moment it names.
    expect(canRespond(member('writer'), 'consultatie', '2026-12-06T12:00:00.001Z', now)).toBe(true);
    expect(canRespond(member('writer'), 'consultatie', now, now)).toBe(false);
    expect(canRespond(member('editor'), 'consultatie', '2026-12-01T00:00:00.000Z', now)).toBe(
      false,
    );
    // A closing date set in concept does not close the concept phase.
    expect(canRespond(member('commenter'), 'concept', '2026-12-01T00:00:00.000Z', now)).toBe(true);
  });

  it('moves phases only along the process', () => {
    expect(canMovePhase('concept', 'consultatie')).toBe(true);
    expect(canMovePhase('concept', 'vastgesteld')).toBe(false);
    expect(canMovePhase('consultatie', 'concept')).toBe(false);
    for (const phase of PHASES) {
      expect(canMovePhase(phase, 'ingetrokken')).toBe(
        phase !== 'vastgesteld' && phase !== 'ingetrokken',
      );
    }
  });
});
