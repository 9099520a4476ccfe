import { describe, expect, it } from 'vitest';
import { canEditText } from './canEditText';

describe('canEditText', () => {
  it('lets editors and writers edit in concept and consultatie', () => {
    for (const phase of ['concept', 'consultatie'] as const) {
      expect(canEditText(phase, 'editor')).toBe(true);
      expect(canEditText(phase, 'writer')).toBe(true);
      expect(canEditText(phase, 'commenter')).toBe(false);
      expect(canEditText(phase, 'reader')).toBe(false);
      expect(canEditText(phase, null)).toBe(false);
    }
  });

  it('lets only editors edit in voorgedragen, and nobody afterwards', () => {
    expect(canEditText('voorgedragen', 'editor')).toBe(true);
    expect(canEditText('voorgedragen', 'writer')).toBe(false);
    expect(canEditText('vastgesteld', 'editor')).toBe(false);
    expect(canEditText('ingetrokken', 'editor')).toBe(false);
  });
});
