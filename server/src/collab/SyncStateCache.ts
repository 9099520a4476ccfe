import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '@standpunt/shared';

/** Answers kept per doc version; clients mostly send one of a few state vectors (empty, current). */
const MAX_ANSWERS = 8;

/**
 * The sync messages a room sends to joining clients, encoded once per version of the doc: its
 * sync step 1 (state vector), and its sync step 2 per state vector a client sent. When a whole
 * consultation opens a paper at once, hundreds of clients send the same (empty) state vector,
 * and encoding a paper with a long history costs far more than sending it.
 */
export class SyncStateCache {
  #step1: Uint8Array | null = null;
  readonly #step2 = new Map<string, Uint8Array>();

  constructor(private readonly doc: Y.Doc) {}

  /** Call whenever the doc changed. */
  invalidate(): void {
    this.#step1 = null;
    this.#step2.clear();
  }

  /** `[sync][step 1][state vector]` of the doc as it is. */
  step1(): Uint8Array {
    this.#step1 ??= message((encoder) => syncProtocol.writeSyncStep1(encoder, this.doc));
    return this.#step1;
  }

  /** `[sync][step 2][what the doc has beyond stateVector]`. */
  step2(stateVector: Uint8Array): Uint8Array {
    const key = Buffer.from(
      stateVector.buffer,
      stateVector.byteOffset,
      stateVector.byteLength,
    ).toString('latin1');
    let answer = this.#step2.get(key);
    if (!answer) {
      if (this.#step2.size >= MAX_ANSWERS) this.#step2.clear();
      answer = message((encoder) => syncProtocol.writeSyncStep2(encoder, this.doc, stateVector));
      this.#step2.set(key, answer);
    }
    return answer;
  }
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
