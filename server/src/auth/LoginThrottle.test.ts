import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './LoginThrottle.js';

describe('LoginThrottle', () => {
  it('blocks after the maximum failures and releases after the window', () => {
    const throttle = new LoginThrottle(3, 1000);
    const keys = ['email:a@b.nl', 'ip:127.0.0.1'];
    throttle.recordFailure(keys, 0);
    throttle.recordFailure(keys, 100);
    expect(throttle.retryAfterMs(keys, 200)).toBe(0);
    throttle.recordFailure(keys, 200);
    expect(throttle.retryAfterMs(keys, 300)).toBe(700);
    expect(throttle.retryAfterMs(keys, 1001)).toBe(0);
  });

  it('counts each key on its own', () => {
    const throttle = new LoginThrottle(1, 1000);
    throttle.recordFailure(['email:a@b.nl'], 0);
    expect(throttle.retryAfterMs(['email:other@b.nl'], 1)).toBe(0);
    expect(throttle.retryAfterMs(['email:other@b.nl', 'email:a@b.nl'], 1)).toBe(999);
  });

  it('forgets the failures of a key that is cleared', () => {
    const throttle = new LoginThrottle(1, 1000);
    throttle.recordFailure(['email:a@b.nl'], 0);
    throttle.clear('email:a@b.nl');
    expect(throttle.retryAfterMs(['email:a@b.nl'], 1)).toBe(0);
  });
});
