import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import { messageYjsUpdate } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** y-websocket's message type for sync messages (sync step 1, step 2, update). */
const MESSAGE_SYNC = 0;
/** Longest an update waits when the page gets no animation frames (a background tab). */
const FALLBACK_DELAY_MS = 100;

type MessageHandler = (
  encoder: encoding.Encoder,
  decoder: decoding.Decoder,
  provider: WebsocketProvider,
  emitSynced: boolean,
  messageType: number,
) => void;

/**
 * Applies the updates other people send in one transaction per frame instead of one per
 * message, just after the frame is painted: what the person here types is painted first, and
 * others' text gets the rest of the frame. Every transaction on the content doc makes the editor rebuild its
 * document and redraw what depends on it: with twenty people typing that is a hundred times a
 * second, more than a frame can hold, and the person typing here waits for it. Sync steps
 * and presence are handled at once as before; only the order of applying updates changes,
 * which Yjs does not depend on. Returns a function that applies what is still waiting and
 * stops batching.
 */
export function batchRemoteUpdates(provider: WebsocketProvider): () => void {
  const handlers = provider.messageHandlers as MessageHandler[];
  const handleSync = handlers[MESSAGE_SYNC];
  if (!handleSync) throw new Error('the provider has no sync message handler');

  let waiting: Uint8Array[] = [];
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let afterPaint: ReturnType<typeof setTimeout> | null = null;

  const apply = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    if (afterPaint !== null) clearTimeout(afterPaint);
    frame = timer = afterPaint = null;
    const updates = waiting;
    waiting = [];
    if (updates.length === 0) return;
    // Nested applyUpdate calls join this transaction: observers run once, at its end. The
    // provider as origin keeps these out of the local undo history, as before.
    Y.transact(
      provider.doc,
      () => {
        for (const update of updates) {
          // One damaged message must not keep the others of its frame out.
          try {
            Y.applyUpdate(provider.doc, update, provider);
          } catch (error) {
            console.error('an update from the server could not be applied', error);
          }
        }
      },
      provider,
    );
  };

  handlers[MESSAGE_SYNC] = (encoder, decoder, current, emitSynced, messageType) => {
    if (decoding.peekVarUint(decoder) !== messageYjsUpdate) {
      handleSync(encoder, decoder, current, emitSynced, messageType);
      return;
    }
    decoding.readVarUint(decoder);
    waiting.push(decoding.readVarUint8Array(decoder));
    if (timer !== null) return;
    frame = requestAnimationFrame(() => {
      frame = null;
      // A task queued in a frame callback runs once that frame has been painted.
      afterPaint = setTimeout(apply, 0);
    });
    timer = setTimeout(apply, FALLBACK_DELAY_MS);
  };

  return () => {
    apply();
    handlers[MESSAGE_SYNC] = handleSync;
  };
}
