import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendText } from '../../test/contentHelpers.js';
import { inspectUpdate, RefusedUpdate } from './inspectUpdate.js';

/** Every update a doc emits, in order. */
function recorder(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return updates;
}

function docWithClient(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

interface RawString {
  client: number;
  clock: number;
  text: string;
  origin?: [number, number];
  rightOrigin?: [number, number];
}

/**
 * Encodes strings inserted into the root fragment as a v1 update by hand, so the tests can say
 * what no Yjs client would write (cycles, references ahead of the item).
 */
function rawUpdate(structs: RawString[]): Uint8Array {
  const byClient = new Map<number, RawString[]>();
  for (const struct of structs)
    byClient.set(struct.client, [...(byClient.get(struct.client) ?? []), struct]);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, byClient.size);
  for (const [client, list] of byClient) {
    encoding.writeVarUint(encoder, list.length);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, list[0]!.clock);
    for (const struct of list) {
      const STRING_CONTENT = 4;
      const info = STRING_CONTENT | (struct.origin ? 0x80 : 0) | (struct.rightOrigin ? 0x40 : 0);
      encoding.writeUint8(encoder, info);
      for (const id of [struct.origin, struct.rightOrigin]) {
        if (!id) continue;
        encoding.writeVarUint(encoder, id[0]);
        encoding.writeVarUint(encoder, id[1]);
      }
      if (!struct.origin && !struct.rightOrigin) {
        encoding.writeVarUint(encoder, 1); // parent by root name
        encoding.writeVarString(encoder, 'default');
      }
      encoding.writeVarString(encoder, struct.text);
    }
  }
  encoding.writeVarUint(encoder, 0); // no deletions
  return encoding.toUint8Array(encoder);
}

/** What Yjs itself does with the update: whether it would leave something pending. */
function leavesPending(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  try {
    Y.applyUpdate(copy, update);
  } catch {
    return true; // thrown half way: as bad
  }
  return copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
}

describe('inspectUpdate', () => {
  it('passes updates in order, merged, repeated or overlapping what the doc has', () => {
    const client = docWithClient(1);
    const updates = recorder(client);
    appendText(client, 'een');
    appendText(client, ' twee');
    appendText(client, ' drie');
    const server = new Y.Doc();
    for (const update of [updates[0]!, Y.mergeUpdates(updates.slice(0, 2)), ...updates]) {
      expect(() => inspectUpdate(server, update)).not.toThrow();
      expect(leavesPending(server, update)).toBe(false);
      Y.applyUpdate(server, update);
    }
  });

  it('passes an update whose items depend on another client in the same update', () => {
    const a = docWithClient(1);
    const b = docWithClient(2);
    appendText(a, 'van a');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    appendText(b, ' en b');
    expect(() => inspectUpdate(new Y.Doc(), Y.encodeStateAsUpdate(b))).not.toThrow();
  });

  it('refuses a gap: structs after a clock the doc does not have', () => {
    const client = docWithClient(1);
    const updates = recorder(client);
    appendText(client, 'een');
    appendText(client, ' twee');
    expect(leavesPending(new Y.Doc(), updates[1]!)).toBe(true);
    expect(() => inspectUpdate(new Y.Doc(), updates[1]!)).toThrow(/gap/);
  });

  it('refuses a merged update with a hole in it (a skip before later structs)', () => {
    const client = docWithClient(1);
    const updates = recorder(client);
    for (const word of ['een', 'twee', 'drie']) appendText(client, word);
    const holed = Y.mergeUpdates([updates[0]!, updates[2]!]);
    expect(leavesPending(new Y.Doc(), holed)).toBe(true);
    expect(() => inspectUpdate(new Y.Doc(), holed)).toThrow(RefusedUpdate);
  });

  it('refuses items whose origin or parent the doc does not have', () => {
    const a = docWithClient(1);
    const b = docWithClient(2);
    appendText(a, 'van a');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const before = Y.encodeStateVector(b);
    appendText(b, ' en b'); // in a's paragraph, after a's text
    const onlyB = Y.encodeStateAsUpdate(b, before);
    expect(leavesPending(new Y.Doc(), onlyB)).toBe(true);
    expect(() => inspectUpdate(new Y.Doc(), onlyB)).toThrow(/unknown/);
  });

  it('refuses deletions of clocks the doc does not have', () => {
    const a = docWithClient(1);
    appendText(a, 'van a');
    const b = docWithClient(2);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const before = Y.encodeStateVector(b);
    b.getXmlFragment('default').delete(0, 1);
    const deletion = Y.encodeStateAsUpdate(b, before);
    expect(leavesPending(new Y.Doc(), deletion)).toBe(true);
    expect(() => inspectUpdate(new Y.Doc(), deletion)).toThrow(/deletes unknown/);
  });

  it('refuses items that depend on each other in a cycle', () => {
    const cycle = rawUpdate([
      { client: 1, clock: 0, text: 'a', origin: [2, 0] },
      { client: 2, clock: 0, text: 'b', origin: [1, 0] },
    ]);
    expect(leavesPending(new Y.Doc(), cycle)).toBe(true);
    expect(() => inspectUpdate(new Y.Doc(), cycle)).toThrow(/unknown/);
  });

  it('refuses an origin of its own client at or after the item (Yjs would throw half way)', () => {
    const ahead = rawUpdate([
      { client: 1, clock: 0, text: 'a' },
      { client: 1, clock: 1, text: 'b', origin: [1, 5] },
    ]);
    expect(leavesPending(new Y.Doc(), ahead)).toBe(true);
    expect(() => inspectUpdate(new Y.Doc(), ahead)).toThrow(/unknown/);
  });

  it('refuses origins in two different parents', () => {
    const base = new Y.Doc();
    base.clientID = 9;
    appendText(base, 'een');
    base.getXmlFragment('default').push([new Y.XmlElement('paragraph')]);
    const textId = (base.getXmlFragment('default').get(0) as Y.XmlElement).get(0)._item!.id;
    const crossed = rawUpdate([
      {
        client: 1,
        clock: 0,
        text: 'x',
        origin: [textId.client, textId.clock],
        rightOrigin: [9, 0],
      },
    ]);
    expect(() => inspectUpdate(base, crossed)).toThrow(/two parents/);
  });

  it('throws on bytes that are no update', () => {
    expect(() => inspectUpdate(new Y.Doc(), new Uint8Array([1, 2, 3, 200]))).toThrow();
    expect(() => inspectUpdate(new Y.Doc(), new Uint8Array([]))).toThrow();
  });
});
