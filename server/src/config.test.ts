import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.js';

describe('STANDPUNT_FSYNC', () => {
  it('is on by default and when empty', () => {
    expect(configFromEnv({}).fsync).toBe(true);
    expect(configFromEnv({ STANDPUNT_FSYNC: '' }).fsync).toBe(true);
  });

  it('takes on and off', () => {
    expect(configFromEnv({ STANDPUNT_FSYNC: 'on' }).fsync).toBe(true);
    expect(configFromEnv({ STANDPUNT_FSYNC: 'off' }).fsync).toBe(false);
  });

  it('refuses anything else, naming the variable and the value', () => {
    for (const value of ['maybe', 'true', 'OFF', '0']) {
      expect(() => configFromEnv({ STANDPUNT_FSYNC: value })).toThrow(
        `STANDPUNT_FSYNC must be "on" or "off", got "${value}"`,
      );
    }
  });
});
