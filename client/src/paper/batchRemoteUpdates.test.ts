import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeSyncStep2, writeUpdate } from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { batchRemoteUpdates } from './batchRemoteUpdates';

const MESSAGE_SYNC = 0;

/** Animation frames that run only when the test says so. */
let frames: (() => void)[] = [];
/** Runs the frame callbacks due, then what they left for after the paint. */
const runFrames = () => {
  const due = frames;
  frames = [];
  for (const callback of due) callback();
  vi.advanceTimersByTime(0);
};

function remoteEdits(count: number): Uint8Array[] {
  const other = new Y.Doc();
  const updates: Uint8Array[] = [];
  other.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) other.getText('t').insert(i, String(i));
  return updates;
}

function receive(provider: WebsocketProvider, write: (encoder: encoding.Encoder) => void): void {
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE_SYNC);
  write(message);
  const decoder = decoding.createDecoder(encoding.toUint8Array(message));
  const messageType = decoding.readVarUint(decoder);
  const reply = encoding.createEncoder();
  provider.messageHandlers[messageType]!(reply, decoder, provider, true, messageType);
}

describe('batchRemoteUpdates', () => {
  let doc: Y.Doc;
  let provider: WebsocketProvider;
  let transactions: number;

  beforeEach(() => {
    frames = [];
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    doc = new Y.Doc();
    // Never connected: the test hands it messages itself.
    provider = new WebsocketProvider('ws://127.0.0.1:9', 'room', doc, {
      connect: false,
      WebSocketPolyfill: class {} as unknown as typeof WebSocket,
    });
    transactions = 0;
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin === provider && transaction.changed.size > 0) transactions++;
    });
  });

  afterEach(() => {
    provider.destroy();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('applies the updates of one frame together, in one transaction, after its paint', () => {
    batchRemoteUpdates(provider);
    for (const update of remoteEdits(3)) receive(provider, (e) => writeUpdate(e, update));
    expect(doc.getText('t').toString()).toBe('');
    for (const callback of frames.splice(0)) callback();
    expect(doc.getText('t').toString()).toBe('');

    runFrames();
    expect(doc.getText('t').toString()).toBe('012');
    expect(transactions).toBe(1);
  });

  it('applies them without a frame when none comes (a background tab)', () => {
    batchRemoteUpdates(provider);
    for (const update of remoteEdits(2)) receive(provider, (e) => writeUpdate(e, update));
    vi.advanceTimersByTime(99);
    expect(doc.getText('t').toString()).toBe('');
    vi.advanceTimersByTime(1);
    expect(doc.getText('t').toString()).toBe('01');
    expect(transactions).toBe(1);
  });

  it('handles sync step 2 at once, so the paper counts as synced without waiting', () => {
    batchRemoteUpdates(provider);
    const source = new Y.Doc();
    source.getText('t').insert(0, 'hele tekst');
    receive(provider, (e) => writeSyncStep2(e, source));
    expect(doc.getText('t').toString()).toBe('hele tekst');
    expect(provider.synced).toBe(true);
    expect(frames).toHaveLength(0);
  });

  it('keeps the other updates of a frame when one is damaged', () => {
    batchRemoteUpdates(provider);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const [first, second] = remoteEdits(2);
    receive(provider, (e) => writeUpdate(e, first!));
    receive(provider, (e) => writeUpdate(e, Uint8Array.of(255, 255, 255)));
    receive(provider, (e) => writeUpdate(e, second!));
    runFrames();
    expect(doc.getText('t').toString()).toBe('01');
    expect(error).toHaveBeenCalledOnce();
  });

  it('applies what is waiting when it stops, and then handles updates at once again', () => {
    const stop = batchRemoteUpdates(provider);
    const [first, second] = remoteEdits(2);
    receive(provider, (e) => writeUpdate(e, first!));
    stop();
    expect(doc.getText('t').toString()).toBe('0');
    receive(provider, (e) => writeUpdate(e, second!));
    expect(doc.getText('t').toString()).toBe('01');
  });
});
