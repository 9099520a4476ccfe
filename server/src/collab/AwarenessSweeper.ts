import type { DocRoom } from './DocRoom.js';

/**
 * Removes presence that was not renewed in time, for every room from one shared timer.
 * (y-protocols' `Awareness` runs a timer per instance; rooms turn theirs off.) Removals are
 * announced by the rooms like any other awareness change. Each pass also relays the renewals
 * the rooms held back (presence re-sent unchanged): with the default 30 s timeout a pass every
 * 3 s keeps every renewal (sent every 15 s) well inside the timeout at the other clients.
 * Rooms also drop the sync answers they encoded for joining clients once nobody asked for them
 * for a whole pass.
 */
export class AwarenessSweeper {
  readonly #rooms = new Set<DocRoom>();
  readonly #timeoutMs: number;
  readonly #intervalMs: number;
  #timer: ReturnType<typeof setInterval> | null = null;

  /**
   * @param timeoutMs presence older than this is removed
   * @param intervalMs how often to look; default a tenth of the timeout (as y-protocols), at least 1 s
   */
  constructor(timeoutMs: number, intervalMs = Math.max(1000, Math.floor(timeoutMs / 10))) {
    this.#timeoutMs = timeoutMs;
    this.#intervalMs = intervalMs;
  }

  add(room: DocRoom): void {
    this.#rooms.add(room);
    if (this.#timer === null) {
      this.#timer = setInterval(() => this.sweep(), this.#intervalMs);
      this.#timer.unref();
    }
  }

  delete(room: DocRoom): void {
    this.#rooms.delete(room);
    if (this.#rooms.size === 0) this.stop();
  }

  /** One pass over all rooms; returns how many entries were removed. */
  sweep(now = Date.now()): number {
    let removed = 0;
    for (const room of this.#rooms) {
      removed += room.removeStaleAwareness(now, this.#timeoutMs);
      room.flush({ renewals: true });
      room.trimCaches();
    }
    return removed;
  }

  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }
}
