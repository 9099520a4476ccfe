/**
 * Counts sign-in attempts per account (the email address given) and per client address in a
 * sliding window; past the limit, further attempts are refused before the password is even
 * checked.
 *
 * An attempt is counted when it begins, before the password hash is awaited, and taken back
 * only when it succeeds: however many guesses arrive at once, at most the limit are checked
 * per window. With several server processes the counts are shared (RedisLoginThrottle), so
 * that spreading the guesses over the processes gains nothing either.
 */
export interface LoginThrottle {
  /** Counts an attempt, or says how long to wait (ms) when the limit is reached. */
  begin(who: LoginAttemptBy): Promise<LoginAttempt | { retryAfterMs: number }>;
}

export interface LoginAttemptBy {
  email: string;
  address: string;
}

export interface LoginAttempt {
  /**
   * The password was right: the account's failures are forgotten, and this attempt no longer
   * counts against the address.
   */
  succeeded(): Promise<void>;
}

/** How many attempts in how long a window, from the configuration. */
export interface LoginThrottleLimits {
  maxFailures: number;
  windowMs: number;
}

/** The keys an attempt is counted under. */
export function throttleKeys({ email, address }: LoginAttemptBy): {
  account: string;
  address: string;
} {
  return { account: `email:${email}`, address: `ip:${address}` };
}

/**
 * The wait that `attempts` (times in ms, oldest first, all within the window) impose: until
 * the attempt that filled the limit has left the window.
 */
export function waitAfterAttempts(
  attempts: readonly number[],
  { maxFailures, windowMs }: LoginThrottleLimits,
  now: number,
): number {
  if (attempts.length < maxFailures) return 0;
  const filling = attempts[attempts.length - maxFailures] ?? now;
  return Math.max(0, filling + windowMs - now);
}

interface Counted {
  at: number;
  attempt: object;
}

/** The throttle of a process that is alone: the counts live in its memory. */
export class MemoryLoginThrottle implements LoginThrottle {
  readonly #attempts = new Map<string, Counted[]>();

  constructor(
    private readonly limits: LoginThrottleLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  async begin(who: LoginAttemptBy): Promise<LoginAttempt | { retryAfterMs: number }> {
    const now = this.clock();
    const keys = throttleKeys(who);
    let wait = 0;
    for (const key of [keys.account, keys.address]) {
      const times = this.#recent(key, now).map(({ at }) => at);
      wait = Math.max(wait, waitAfterAttempts(times, this.limits, now));
    }
    if (wait > 0) return { retryAfterMs: wait };
    const attempt = {};
    for (const key of [keys.account, keys.address]) {
      this.#attempts.set(key, [...this.#recent(key, now), { at: now, attempt }]);
    }
    return {
      succeeded: async () => {
        this.#attempts.delete(keys.account);
        const left = (this.#attempts.get(keys.address) ?? []).filter((c) => c.attempt !== attempt);
        this.#attempts.set(keys.address, left);
      },
    };
  }

  #recent(key: string, now: number): Counted[] {
    const recent = (this.#attempts.get(key) ?? []).filter(
      ({ at }) => at > now - this.limits.windowMs,
    );
    if (recent.length === 0) this.#attempts.delete(key);
    else this.#attempts.set(key, recent);
    return recent;
  }
}
