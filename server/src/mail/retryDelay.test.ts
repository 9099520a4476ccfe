import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, retryDelay } from './retryDelay.js';

describe('retryDelay', () => {
  it('doubles after every failure, up to the cap', () => {
    const policy = { firstDelayMs: 1_000, maxDelayMs: 5_000 };
    expect([1, 2, 3, 4, 5, 100].map((failures) => retryDelay(failures, policy))).toStrictEqual([
      1_000, 2_000, 4_000, 5_000, 5_000, 5_000,
    ]);
  });

  it('by default retries after 30 s, and at least once an hour', () => {
    expect(retryDelay(1, DEFAULT_RETRY)).toBe(30_000);
    expect(retryDelay(2, DEFAULT_RETRY)).toBe(60_000);
    expect(retryDelay(10_000, DEFAULT_RETRY)).toBe(3_600_000);
  });
});
