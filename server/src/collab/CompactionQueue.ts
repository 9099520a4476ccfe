/**
 * Runs the papers' background compactions one at a time, each starting in an event-loop turn
 * of its own. Papers that are edited together — fifty typists, a consultation opening at nine
 * — reach their compaction interval together; compacting them all in one turn held every
 * connection's messages back for the sum of their work (encoding each state, renaming files).
 * Now messages are handled between any two compactions.
 */
export class CompactionQueue {
  /** Waiting jobs, at most one per paper, in the order they were asked for. */
  readonly #waiting = new Map<object, () => Promise<void>>();
  #running = false;

  /** Queues `job` for `paper`; a job already waiting for that paper does for both. */
  add(paper: object, job: () => Promise<void>): void {
    if (this.#waiting.has(paper)) return;
    this.#waiting.set(paper, job);
    if (!this.#running) this.#runNext();
  }

  /** How many jobs wait (the running one not counted). */
  get size(): number {
    return this.#waiting.size;
  }

  #runNext(): void {
    this.#running = true;
    setImmediate(() => {
      const next = this.#waiting.entries().next();
      if (next.done) {
        this.#running = false;
        return;
      }
      const [paper, job] = next.value;
      this.#waiting.delete(paper);
      // Jobs report their own failures; one that fails must not stop those behind it.
      job()
        .catch(() => undefined)
        .finally(() => this.#runNext());
    });
  }
}
