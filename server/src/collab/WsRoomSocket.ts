import { WebSocket } from 'ws';
import type { RoomSocket } from './RoomSocket.js';

/** A `ws` socket as a {@link RoomSocket}. */
export class WsRoomSocket implements RoomSocket {
  constructor(private readonly ws: WebSocket) {}

  send(data: Uint8Array): void {
    // A send failure means the socket is going away; its 'close' event does the cleanup.
    this.ws.send(data, { binary: true }, () => {});
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }
}
