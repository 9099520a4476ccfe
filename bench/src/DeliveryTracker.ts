import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';

/**
 * Delivery latency of keystrokes, from the clocks in the updates: a typist inserts one
 * character per keystroke, so its Yjs clock numbers its keystrokes, and an update that brings
 * a receiver a client's clock up to `n` delivers every keystroke below `n` — also when the
 * server merged several keystrokes into one update.
 */
export class DeliveryTracker {
  /** Per typist (Yjs client id): when each keystroke (by clock) was sent. */
  readonly #sentAt = new Map<number, number[]>();
  /** Per keystroke (`client:clock`): receivers still waiting, and the latest arrival. */
  readonly #fanout = new Map<string, { waiting: number; last: number }>();
  /** Every (keystroke, receiver) latency, ms. */
  readonly samples: number[] = [];
  /** Per keystroke: when the last receiver got it, ms after sending. */
  readonly allReceived: number[] = [];

  /** Records a keystroke sent now, to be received by `receivers` others. */
  sent(client: number, clock: number, receivers: number, at = performance.now()): void {
    let times = this.#sentAt.get(client);
    if (!times) this.#sentAt.set(client, (times = []));
    times[clock] = at;
    this.#fanout.set(`${client}:${clock}`, { waiting: receivers, last: at });
  }

  /** A receiver's update handler; `self` is its own client id (its keystrokes are not counted). */
  receiver(self: number): (update: Uint8Array, at: number) => void {
    const seen = new Map<number, number>();
    return (update, at) => {
      for (const [client, to] of Y.parseUpdateMeta(update).to) {
        if (client === self) continue;
        const times = this.#sentAt.get(client);
        if (!times) continue;
        for (let clock = seen.get(client) ?? 0; clock < to; clock++) {
          const sentAt = times[clock];
          if (sentAt === undefined) continue;
          this.samples.push(at - sentAt);
          const key = `${client}:${clock}`;
          const fanout = this.#fanout.get(key);
          if (fanout) {
            fanout.last = at;
            if (--fanout.waiting === 0) {
              this.allReceived.push(at - sentAt);
              this.#fanout.delete(key);
              if (this.#fanout.size === 0) for (const done of this.#whenDelivered.splice(0)) done();
            }
          }
        }
        seen.set(client, Math.max(seen.get(client) ?? 0, to));
      }
    };
  }

  #whenDelivered: Array<() => void> = [];

  /** Keystrokes not yet received by every receiver. */
  get outstanding(): number {
    return this.#fanout.size;
  }

  /** Resolves once every keystroke sent so far reached every receiver. */
  delivered(): Promise<void> {
    if (this.#fanout.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#whenDelivered.push(resolve));
  }
}
