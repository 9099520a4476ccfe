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

describe('STANDPUNT_TRUST_PROXY', () => {
  it('is off when unset, a hop count when a number, else a list of addresses and subnets', () => {
    expect(configFromEnv({}).trustProxy).toBeNull();
    expect(configFromEnv({ STANDPUNT_TRUST_PROXY: '2' }).trustProxy).toEqual({ hops: 2 });
    expect(configFromEnv({ STANDPUNT_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual({
      addresses: ['loopback', '10.0.0.0/8'],
    });
  });

  it('refuses to start on something that is no address, naming the variable', () => {
    expect(() => configFromEnv({ STANDPUNT_TRUST_PROXY: 'nginx.local' })).toThrow(
      /STANDPUNT_TRUST_PROXY: invalid IP address: nginx.local/,
    );
  });
});
