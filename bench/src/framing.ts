import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Hocuspocus' message types that matter to the load generator. */
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;
const AUTH_TOKEN = 0;

/**
 * How a server frames y-websocket messages (`[type][payload]`, y-protocols sync and
 * awareness). The load generator speaks the same messages to every server and lets the framing
 * add what a server needs around them.
 */
export interface Framing {
  /** The frame that carries one y-websocket message. */
  wrap(message: Uint8Array): Uint8Array;
  /** The y-websocket message in a frame, or null for a frame of the server's own kinds. */
  unwrap(frame: Uint8Array): Uint8Array | null;
  /** Frames to send as soon as the socket is open, before sync step 1. */
  opening(): Uint8Array[];
}

/** The y-websocket protocol as it is: one message per frame (ours and `@y/websocket-server`). */
export const plainFraming: Framing = {
  wrap: (message) => message,
  unwrap: (frame) => frame,
  opening: () => [],
};

/**
 * Hocuspocus' protocol: every frame starts with the document name (varString), and a
 * connection is held back until an authentication message for that document arrived.
 */
export function hocuspocusFraming(documentName: string): Framing {
  const prefixEncoder = encoding.createEncoder();
  encoding.writeVarString(prefixEncoder, documentName);
  const prefix = encoding.toUint8Array(prefixEncoder);
  const wrap = (message: Uint8Array): Uint8Array => {
    const frame = new Uint8Array(prefix.length + message.length);
    frame.set(prefix, 0);
    frame.set(message, prefix.length);
    return frame;
  };
  return {
    wrap,
    unwrap(frame) {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarString(decoder);
      const message = frame.subarray(decoder.pos);
      const type = decoding.readVarUint(decoding.createDecoder(message));
      if (type === HOCUSPOCUS_SYNC_REPLY) {
        // A sync message that asks for no further step 1: the same payload as type 0.
        const copy = new Uint8Array(message);
        copy[0] = 0;
        return copy;
      }
      return type === 0 || type === 1 ? message : null;
    },
    opening() {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH);
      encoding.writeVarUint(encoder, AUTH_TOKEN);
      encoding.writeVarString(encoder, 'bench');
      return [wrap(encoding.toUint8Array(encoder))];
    },
  };
}
