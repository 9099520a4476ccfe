/**
 * The writes a store has started and not yet seen finish, so `close()` can wait for them
 * before the pool they run on is shut.
 */
export class PendingWrites {
  readonly #running = new Set<Promise<unknown>>();

  /** Runs `write` and remembers it until it settles; resolves or rejects as it does. */
  track<T>(write: Promise<T>): Promise<T> {
    this.#running.add(write);
    const forget = () => this.#running.delete(write);
    write.then(forget, forget);
    return write;
  }

  /** Waits until every write started so far has settled; their failures went to their callers. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#running]);
  }
}
