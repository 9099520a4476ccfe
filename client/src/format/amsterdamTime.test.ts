import { describe, expect, it } from 'vitest';
import { formatClosingMoment, fromAmsterdamInput, toAmsterdamInput } from './amsterdamTime';

describe('formatClosingMoment', () => {
  it('writes the closing moment in Dutch, in Amsterdam time', () => {
    expect(formatClosingMoment('2027-03-01T16:00:00.000Z', 'nl-NL')).toBe('1 maart 2027, 17:00');
    expect(formatClosingMoment('2027-07-01T15:00:00.000Z', 'nl-NL')).toBe('1 juli 2027, 17:00');
  });

  it('writes it in English too', () => {
    expect(formatClosingMoment('2027-03-01T16:00:00.000Z', 'en-GB')).toBe('1 March 2027, 17:00');
  });
});

describe('fromAmsterdamInput', () => {
  it('reads the field as Amsterdam time, winter and summer', () => {
    expect(fromAmsterdamInput('2027-03-01T17:00')).toBe('2027-03-01T17:00:00+01:00');
    expect(fromAmsterdamInput('2027-07-01T17:00')).toBe('2027-07-01T17:00:00+02:00');
  });

  it('gets the offset right on the day summer time starts', () => {
    expect(fromAmsterdamInput('2027-03-28T01:30')).toBe('2027-03-28T01:30:00+01:00');
    expect(fromAmsterdamInput('2027-03-28T12:00')).toBe('2027-03-28T12:00:00+02:00');
  });

  it('refuses what is not a date and time', () => {
    expect(fromAmsterdamInput('')).toBeNull();
    expect(fromAmsterdamInput('1 maart')).toBeNull();
  });
});

describe('toAmsterdamInput', () => {
  it('is the inverse of fromAmsterdamInput', () => {
    const iso = fromAmsterdamInput('2027-03-01T17:00');
    expect(new Date(iso!).toISOString()).toBe('2027-03-01T16:00:00.000Z');
    expect(toAmsterdamInput('2027-03-01T16:00:00.000Z')).toBe('2027-03-01T17:00');
    expect(toAmsterdamInput('2027-07-01T15:00:00.000Z')).toBe('2027-07-01T17:00');
  });
});
