/** A socket the keepalive looks after. */
export interface KeptAlive {
  /** Cleared when pinged; whoever receives the pong sets it again. */
  alive: boolean;
  ping(): void;
  /** Drops the socket; its close handling takes it out of the watched set. */
  terminate(): void;
}

/**
 * Pings every socket from one shared timer and drops those that did not answer the previous
 * ping: a peer that vanished (laptop lid closed, network gone) sends no close frame, and its
 * room would otherwise keep it, and its presence, forever. It walks the server's own set of
 * open sockets, so watching one costs nothing beyond its `alive` flag.
 */
export class Keepalive {
  readonly #sockets: ReadonlySet<KeptAlive>;
  readonly #intervalMs: number;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(intervalMs: number, sockets: ReadonlySet<KeptAlive>) {
    this.#intervalMs = intervalMs;
    this.#sockets = sockets;
  }

  /** Runs the timer (again) when there are sockets to look after. */
  start(): void {
    if (this.#timer === null && this.#sockets.size > 0) {
      this.#timer = setInterval(() => this.#tick(), this.#intervalMs);
      this.#timer.unref();
    }
  }

  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  #tick(): void {
    for (const socket of this.#sockets) {
      if (!socket.alive) {
        socket.terminate();
        continue;
      }
      socket.alive = false;
      socket.ping();
    }
    if (this.#sockets.size === 0) this.stop();
  }
}
