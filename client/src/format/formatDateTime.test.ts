import { describe, expect, it } from 'vitest';
import { formatDateTime } from './formatDateTime';

describe('formatDateTime', () => {
  it('writes Dutch dates in Dutch time', () => {
    expect(formatDateTime('2026-03-03T13:05:00.000Z', 'nl-NL')).toBe('3 mrt 2026, 14:05');
  });

  it('returns input it cannot read unchanged', () => {
    expect(formatDateTime('gisteren', 'nl-NL')).toBe('gisteren');
  });
});
