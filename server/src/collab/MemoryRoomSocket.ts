import type { RoomSocket } from './RoomSocket.js';

/**
 * A {@link RoomSocket} that lives in memory: what the room sends goes to `onMessage`
 * synchronously. For driving rooms without a network (tests, tools).
 */
export class MemoryRoomSocket implements RoomSocket {
  /** Close code and reason once closed. */
  closed: { code: number; reason: string } | null = null;

  constructor(private readonly onMessage: (data: Uint8Array) => void = () => {}) {}

  send(data: Uint8Array): void {
    if (this.closed) throw new Error('send on a closed socket');
    this.onMessage(data);
  }

  close(code: number, reason: string): void {
    this.closed ??= { code, reason };
  }

  isOpen(): boolean {
    return this.closed === null;
  }
}
