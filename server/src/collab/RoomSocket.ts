/**
 * What a room needs of a socket. Rooms never see `ws` itself, so they can be driven by an
 * in-memory socket in tests (see {@link MemoryRoomSocket}).
 */
export interface RoomSocket {
  /** Sends one binary frame. */
  send(data: Uint8Array): void;
  /** Closes with a websocket close code (see `CloseCode`) and a short reason. */
  close(code: number, reason: string): void;
  isOpen(): boolean;
}
