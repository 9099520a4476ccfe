import type { WebSocket } from 'ws';

/**
 * Pings every socket from one shared timer and drops those that did not answer the previous
 * ping: a peer that vanished (laptop lid closed, network gone) sends no close frame, and its
 * room would otherwise keep it, and its presence, forever.
 */
export class Keepalive {
  readonly #alive = new Map<WebSocket, boolean>();
  readonly #intervalMs: number;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(intervalMs: number) {
    this.#intervalMs = intervalMs;
  }

  watch(socket: WebSocket): void {
    this.#alive.set(socket, true);
    socket.on('pong', () => {
      if (this.#alive.has(socket)) this.#alive.set(socket, true);
    });
    socket.once('close', () => this.#alive.delete(socket));
    if (this.#timer === null) {
      this.#timer = setInterval(() => this.#tick(), this.#intervalMs);
      this.#timer.unref();
    }
  }

  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.#alive.clear();
  }

  #tick(): void {
    for (const [socket, alive] of this.#alive) {
      if (!alive) {
        this.#alive.delete(socket);
        socket.terminate();
        continue;
      }
      this.#alive.set(socket, false);
      socket.ping();
    }
    if (this.#alive.size === 0) this.stop();
  }
}
