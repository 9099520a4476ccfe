/**
 * Hostile and broken collaboration frames for the fuzz tests: random, truncated and bit-flipped
 * frames of every message type, from a seeded generator so a failure can be replayed.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { CONTENT_FRAGMENT, MessageType, paperSchema } from '@standpunt/shared';
import { appendText, blockText } from './contentHelpers.js';

/** Frames tried with `STANDPUNT_FUZZ_FRAMES` unset (the run in CI). */
export const CI_FUZZ_FRAMES = 2_000;

/** How many frames to try: `STANDPUNT_FUZZ_FRAMES` for a long run, else the CI size. */
export function fuzzFrameCount(ciSize: number): number {
  const fromEnv = Number(process.env.STANDPUNT_FUZZ_FRAMES);
  return Number.isSafeInteger(fromEnv) && fromEnv > 0
    ? Math.round((fromEnv * ciSize) / CI_FUZZ_FRAMES)
    : ciSize;
}

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type FrameKind =
  | 'random bytes'
  | 'empty'
  | 'unknown type'
  | 'huge varint'
  | 'sync step 1'
  | 'sync step 2'
  | 'update'
  | 'awareness'
  | 'query awareness';

export type Mutation = 'intact' | 'truncated' | 'bit-flipped' | 'spliced';

export interface FuzzFrame {
  kind: FrameKind;
  mutation: Mutation;
  bytes: Uint8Array;
}

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const RICH_PAPER = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { id: 'f-kop', level: 2 }, content: [{ type: 'text', text: 'Kop' }] },
    {
      type: 'paragraph',
      attrs: { id: 'f-een' },
      content: [
        { type: 'text', text: 'Tekst ' },
        { type: 'text', text: 'vet', marks: [{ type: 'bold' }] },
        { type: 'hardBreak' },
        {
          type: 'text',
          text: 'link',
          marks: [{ type: 'link', attrs: { href: 'https://vng.nl' } }],
        },
      ],
    },
    {
      type: 'bulletList',
      attrs: { id: 'f-lijst' },
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'punt' }] }],
        },
      ],
    },
  ],
};

/**
 * A writer's doc with a rich paper, and the updates it made, in order: what the room is seeded
 * with, and what the fuzzer mutates.
 */
export function seedPaper(clientID = 1001): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  prosemirrorJSONToYXmlFragment(paperSchema(), RICH_PAPER, doc.getXmlFragment(CONTENT_FRAGMENT));
  appendText(doc, ' en meer');
  blockText(doc, 1).format(0, 5, { italic: {} });
  doc.getXmlFragment(CONTENT_FRAGMENT).delete(2, 1);
  return { doc, updates };
}

/**
 * Updates a hostile client could build against the seeded paper: outside the schema, with
 * gaps, with unknown origins. Each would be refused intact; mutated, they probe the decoder.
 */
function hostileUpdates(seed: Y.Doc): Uint8Array[] {
  const made: Uint8Array[] = [];
  const change = (edit: (doc: Y.Doc) => void) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(seed));
    const before = Y.encodeStateVector(copy);
    copy.transact(() => edit(copy));
    made.push(Y.encodeStateAsUpdate(copy, before));
    return copy;
  };
  const fragment = (doc: Y.Doc) => doc.getXmlFragment(CONTENT_FRAGMENT);
  change((doc) => fragment(doc).push([new Y.XmlElement('script')]));
  change((doc) => (fragment(doc).get(0) as Y.XmlElement).setAttribute('level', 7 as never));
  change((doc) => blockText(doc, 1).format(0, 3, { link: { href: 'javascript:alert(1)' } }));
  change((doc) => doc.getMap('extra').set('x', 1));
  // Two updates of one client: the second alone has a gap.
  const first = change((doc) => appendText(doc, 'een'));
  const before = Y.encodeStateVector(first);
  appendText(first, 'twee');
  made.push(Y.encodeStateAsUpdate(first, before));
  return made;
}

function awarenessFrames(random: () => number): Uint8Array {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  clearInterval((awareness as { _checkInterval: ReturnType<typeof setInterval> })._checkInterval);
  awareness.setLocalState({
    user: { name: 'Mallory', color: '#000000' },
    cursor: random() < 0.5 ? null : { anchor: 'x'.repeat(Math.floor(random() * 64)) },
  });
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  return frame(MessageType.awareness, (e) => encoding.writeVarUint8Array(e, update));
}

/** Mutates a valid frame: cut short, bits flipped, or random bytes spliced in. */
function mutate(
  bytes: Uint8Array,
  random: () => number,
): { mutation: Mutation; bytes: Uint8Array } {
  const roll = random();
  if (roll < 0.2 || bytes.length === 0) return { mutation: 'intact', bytes };
  if (roll < 0.45) {
    return { mutation: 'truncated', bytes: bytes.slice(0, Math.floor(random() * bytes.length)) };
  }
  const copy = new Uint8Array(bytes);
  if (roll < 0.8) {
    const flips = 1 + Math.floor(random() * 8);
    for (let i = 0; i < flips; i++) {
      const at = Math.floor(random() * copy.length);
      copy[at]! ^= 1 << Math.floor(random() * 8);
    }
    return { mutation: 'bit-flipped', bytes: copy };
  }
  const at = Math.floor(random() * copy.length);
  const junk = randomBytes(random, 1 + Math.floor(random() * 16));
  const spliced = new Uint8Array(copy.length + junk.length);
  spliced.set(copy.subarray(0, at));
  spliced.set(junk, at);
  spliced.set(copy.subarray(at), at + junk.length);
  return { mutation: 'spliced', bytes: spliced };
}

function randomBytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

/**
 * An endless stream of fuzz frames against a room seeded with {@link seedPaper}: every kind
 * of message, intact or mutated.
 */
export function* fuzzFrames(
  seed: number,
  paper: Y.Doc,
  updates: Uint8Array[],
): Generator<FuzzFrame> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const hostile = hostileUpdates(paper);
  const stateVector = Y.encodeStateVector(paper);
  const syncFrame = (type: number, update: Uint8Array) =>
    frame(MessageType.sync, (e) => {
      encoding.writeVarUint(e, type);
      encoding.writeVarUint8Array(e, update);
    });
  for (;;) {
    const kind = pick<FrameKind>([
      'random bytes',
      'empty',
      'unknown type',
      'huge varint',
      'sync step 1',
      'sync step 2',
      'update',
      'update',
      'awareness',
      'query awareness',
    ]);
    let valid: Uint8Array;
    switch (kind) {
      case 'random bytes':
        yield {
          kind,
          mutation: 'intact',
          bytes: randomBytes(random, 1 + Math.floor(random() * 256)),
        };
        continue;
      case 'empty':
        yield { kind, mutation: 'intact', bytes: new Uint8Array(0) };
        continue;
      case 'unknown type':
        valid = frame(pick([MessageType.auth, 4, 7, 100, 2 ** 20, 2 ** 40]), (e) =>
          encoding.writeUint8Array(e, randomBytes(random, Math.floor(random() * 32))),
        );
        break;
      case 'huge varint':
        // A length or type that never ends, or claims far more than the frame holds.
        valid = pick([
          Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
          Uint8Array.from([MessageType.sync, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2]),
          Uint8Array.from([MessageType.awareness, 0xff, 0xff, 0xff, 0x7f]),
          Uint8Array.from([
            MessageType.sync,
            2,
            12,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0x0f,
            0,
            0,
            0,
          ]),
          Uint8Array.from([MessageType.sync, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
        ]);
        break;
      case 'sync step 1':
        valid = frame(MessageType.sync, (e) =>
          syncProtocol.writeSyncStep1(e, random() < 0.5 ? paper : new Y.Doc()),
        );
        if (random() < 0.3)
          valid = syncFrame(0, random() < 0.5 ? stateVector : randomBytes(random, 12));
        break;
      case 'sync step 2':
      case 'update': {
        const type =
          kind === 'update' ? syncProtocol.messageYjsUpdate : syncProtocol.messageYjsSyncStep2;
        const source = random() < 0.6 ? pick(updates) : pick(hostile);
        valid = syncFrame(type, random() < 0.2 ? Y.mergeUpdates([source, pick(updates)]) : source);
        break;
      }
      case 'awareness':
        valid = awarenessFrames(random);
        break;
      case 'query awareness':
        valid = frame(MessageType.queryAwareness, () => {});
        break;
    }
    const { mutation, bytes } = mutate(valid, random);
    yield { kind, mutation, bytes };
  }
}

/** Counts by a key, printed as `key: n` pairs. */
export class Tally {
  readonly counts = new Map<string, number>();

  add(key: string | number): void {
    this.counts.set(String(key), (this.counts.get(String(key)) ?? 0) + 1);
  }

  toString(): string {
    return [...this.counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `${key}: ${count}`)
      .join(', ');
  }
}
