import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { organisationName, PRESENCE_FIELD, userColor, type PresenceUser } from '@standpunt/shared';
import type { RoomConnection } from './RoomConnection.js';

/** How much presence one connection may hold (ServerConfig's awareness limits). */
export interface AwarenessLimits {
  /**
   * Client ids one connection may speak for: a y-websocket client has one per doc, a few
   * spare cover reconnects.
   */
  maxClients: number;
  /** Largest state, in bytes of JSON; a larger entry is dropped. */
  maxStateBytes: number;
}

export const DEFAULT_AWARENESS_LIMITS: AwarenessLimits = { maxClients: 8, maxStateBytes: 8 * 1024 };

const utf8 = new TextDecoder();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Who a connection is, as its presence must show it. */
export function presenceOf(connection: RoomConnection): PresenceUser {
  const { userId, name, municipality } = connection.identity;
  return {
    userId,
    name: `${name} (${organisationName(municipality)})`,
    color: userColor(userId),
    municipality,
  };
}

/**
 * Rewrites an awareness update a connection sent, before it is applied:
 * - entries for client ids another connection speaks for are dropped, so nobody can change or
 *   remove someone else's presence;
 * - a connection claims at most `limits.maxClients` ids;
 * - an entry whose state is larger than `limits.maxStateBytes` is dropped (before it is parsed);
 * - the presence's identity (`userId`, `name`, `municipality`, `color`) is stamped from the
 *   session, so presence cannot be attributed to another person or organisation.
 *
 * Returns `null` when nothing is left. Throws on bytes that are not an awareness update.
 */
export function sanitizeAwarenessUpdate(
  update: Uint8Array,
  connection: RoomConnection,
  ownerOf: (clientId: number) => RoomConnection | undefined,
  limits: AwarenessLimits = DEFAULT_AWARENESS_LIMITS,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  const kept: Array<{ clientId: number; clock: number; state: string }> = [];
  let claims = connection.awarenessClients?.size ?? 0;
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    // The string's bytes, as lib0's writeVarString wrote them: measured before decoding.
    const stateBytes = decoding.readVarUint8Array(decoder);
    if (stateBytes.byteLength > limits.maxStateBytes) continue;
    const state: unknown = JSON.parse(utf8.decode(stateBytes));
    const owner = ownerOf(clientId);
    if (owner !== undefined && owner !== connection) continue;
    if (owner === undefined) {
      if (claims >= limits.maxClients) continue;
      claims++;
    }
    let stamped = state;
    if (isRecord(state) && isRecord(state[PRESENCE_FIELD])) {
      stamped = {
        ...state,
        [PRESENCE_FIELD]: { ...state[PRESENCE_FIELD], ...presenceOf(connection) },
      };
    }
    kept.push({ clientId, clock, state: JSON.stringify(stamped) });
  }
  if (kept.length === 0) return null;
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
