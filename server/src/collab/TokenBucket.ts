/**
 * A token bucket: holds up to `capacity` tokens, refilled at `ratePerSecond`; each message
 * takes one. Lets a client send a burst (a paste, a reconnect's handshake) while holding its
 * average to the rate, at the cost of two numbers per connection and no timer.
 */
export class TokenBucket {
  #tokens: number;
  #updatedAt: number;

  constructor(
    readonly ratePerSecond: number,
    readonly capacity: number,
    now: number = performance.now(),
  ) {
    this.#tokens = capacity;
    this.#updatedAt = now;
  }

  /** Takes a token; false when the bucket is empty (the caller refuses the message). */
  take(now: number = performance.now()): boolean {
    const elapsed = Math.max(0, now - this.#updatedAt);
    this.#updatedAt = now;
    this.#tokens = Math.min(this.capacity, this.#tokens + (elapsed / 1000) * this.ratePerSecond);
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
