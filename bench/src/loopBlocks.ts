/** An event-loop block: from the turn before it to the turn after, in µs on the monotonic clock. */
export type LoopBlock = [fromUs: number, toUs: number];

/** Now on the monotonic clock, in µs: the clock CPU profiles time their samples by. */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * Notes each event-loop block of `minMs` or more in this process, with when it was, so that
 * a CPU profile of the process can tell what ran in it. A 1 ms timer sees how late each of
 * its turns comes, as monitorEventLoopDelay does, but keeps the times.
 */
export class LoopBlockRecorder {
  #blocks: LoopBlock[] = [];
  #lastTurnUs = monotonicUs();

  constructor(minMs: number, maxKept = 2000) {
    setInterval(() => {
      const now = monotonicUs();
      if (now - this.#lastTurnUs >= minMs * 1000 && this.#blocks.length < maxKept) {
        this.#blocks.push([this.#lastTurnUs, now]);
      }
      this.#lastTurnUs = now;
    }, 1).unref();
  }

  /** The blocks noted since the last call. */
  take(): LoopBlock[] {
    const blocks = this.#blocks;
    this.#blocks = [];
    return blocks;
  }
}
