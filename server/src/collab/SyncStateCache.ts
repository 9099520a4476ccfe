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
 *
 * Answers are kept from the second client on: most open papers have one client, who asks once,
 * and a copy of the doc kept for nobody would cost memory in every one of them. For the same
 * reason {@link trim} forgets answers nobody asked for lately.
 */
export class SyncStateCache {
  #step1: Uint8Array | null = null;
  /** Step 1 was asked for (and not kept) since the doc last changed. */
  #step1Asked = false;
  /** Made when a second step 2 is asked for since the doc last changed. */
  #step2: Map<string, Uint8Array> | null = null;
  #step2Asked = false;
  /** Something was asked since the last {@link trim}. */
  #used = false;

  constructor(private readonly doc: Y.Doc) {}

  /** Call whenever the doc changed. */
  invalidate(): void {
    this.#step1 = null;
    this.#step1Asked = false;
    this.#step2 = null;
    this.#step2Asked = false;
  }

  /** Forgets the answers when none was asked for since the previous call. */
  trim(): void {
    if (!this.#used) this.invalidate();
    this.#used = false;
  }

  /** `[sync][step 1][state vector]` of the doc as it is. */
  step1(): Uint8Array {
    this.#used = true;
    if (this.#step1) return this.#step1;
    const answer = message((encoder) => syncProtocol.writeSyncStep1(encoder, this.doc));
    if (this.#step1Asked) this.#step1 = answer;
    this.#step1Asked = true;
    return answer;
  }

  /** `[sync][step 2][what the doc has beyond stateVector]`. */
  step2(stateVector: Uint8Array): Uint8Array {
    this.#used = true;
    const key = Buffer.from(
      stateVector.buffer,
      stateVector.byteOffset,
      stateVector.byteLength,
    ).toString('latin1');
    const cached = this.#step2?.get(key);
    if (cached) return cached;
    const answer = message((encoder) =>
      syncProtocol.writeSyncStep2(encoder, this.doc, stateVector),
    );
    if (this.#step2Asked) {
      this.#step2 ??= new Map();
      if (this.#step2.size >= MAX_ANSWERS) this.#step2.clear();
      this.#step2.set(key, answer);
    }
    this.#step2Asked = true;
    return answer;
  }
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
