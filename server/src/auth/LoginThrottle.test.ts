import { describe, expect, it } from 'vitest';
import { MemoryLoginThrottle, type LoginAttempt } from './LoginThrottle.js';

/** A throttle whose clock the test sets. */
function throttleAt(maxFailures: number, windowMs: number) {
  const clock = { now: 0 };
  const throttle = new MemoryLoginThrottle({ maxFailures, windowMs }, () => clock.now);
  return { throttle, clock };
}

const ANNA = { email: 'anna@b.nl', address: '10.0.0.1' };

async function counted(
  attempt: Promise<LoginAttempt | { retryAfterMs: number }>,
): Promise<LoginAttempt> {
  const result = await attempt;
  if ('retryAfterMs' in result) throw new Error(`throttled for ${result.retryAfterMs} ms`);
  return result;
}

describe('MemoryLoginThrottle', () => {
  it('refuses past the limit, until the attempt that filled it leaves the window', async () => {
    const { throttle, clock } = throttleAt(3, 1000);
    await counted(throttle.begin(ANNA));
    clock.now = 100;
    await counted(throttle.begin(ANNA));
    clock.now = 200;
    await counted(throttle.begin(ANNA));
    clock.now = 300;
    expect(await throttle.begin(ANNA)).toEqual({ retryAfterMs: 700 });
    clock.now = 1001;
    await counted(throttle.begin(ANNA));
  });

  it('counts attempts as they begin, so concurrent guesses cannot pass the limit', async () => {
    const { throttle } = throttleAt(5, 1000);
    const results = await Promise.all(Array.from({ length: 40 }, () => throttle.begin(ANNA)));
    expect(results.filter((result) => !('retryAfterMs' in result))).toHaveLength(5);
  });

  it('counts per account and per address', async () => {
    const { throttle } = throttleAt(1, 1000);
    await counted(throttle.begin(ANNA));
    // The same account from elsewhere, and someone else from the same address: both wait.
    expect(await throttle.begin({ ...ANNA, address: '10.0.0.2' })).toEqual({ retryAfterMs: 1000 });
    expect(await throttle.begin({ ...ANNA, email: 'bob@b.nl' })).toEqual({ retryAfterMs: 1000 });
    await counted(throttle.begin({ email: 'bob@b.nl', address: '10.0.0.2' }));
  });

  it('forgets the account’s failures after a success, and that attempt for the address', async () => {
    const { throttle } = throttleAt(2, 1000);
    await counted(throttle.begin(ANNA));
    await (await counted(throttle.begin(ANNA))).succeeded();
    // One failure left for the address, none for the account.
    await counted(throttle.begin({ ...ANNA, email: 'bob@b.nl' }));
    expect(await throttle.begin({ ...ANNA, email: 'carla@b.nl' })).toEqual({ retryAfterMs: 1000 });
    await counted(throttle.begin({ ...ANNA, address: '10.0.0.9' }));
  });
});
